package dev.jctl.runtime.apiserver.crd;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class VersionPriorityTest {
    @Test
    void sortsAsKubernetesDoes() {
        List<String> versions = new ArrayList<>(List.of("foo1", "v1alpha1", "v10", "v2beta1", "v1", "v1beta2",
                "v11alpha2", "foo10", "v12alpha1", "v1beta1", "v2"));
        versions.sort(VersionPriority.ORDER);
        assertEquals(List.of("v10", "v2", "v1", "v2beta1", "v1beta2", "v1beta1", "v12alpha1", "v11alpha2",
                "v1alpha1", "foo1", "foo10"), versions);
    }
}
