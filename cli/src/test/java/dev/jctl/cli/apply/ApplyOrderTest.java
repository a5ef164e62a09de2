package dev.jctl.cli.apply;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jctl.diff.io.Manifest;
import dev.jctl.diff.io.ManifestReader;
import java.util.List;
import org.junit.jupiter.api.Test;

class ApplyOrderTest {
    private static List<Manifest> manifests(String... kindsAndNames) {
        StringBuilder yaml = new StringBuilder();
        for (String kindAndName : kindsAndNames) {
            String[] parts = kindAndName.split("/");
            yaml.append("apiVersion: v1\nkind: ").append(parts[0]).append("\nmetadata:\n  name: ").append(parts[1])
                    .append("\n---\n");
        }
        return new ManifestReader().read("order.yaml", yaml.toString());
    }

    private static List<String> names(List<Manifest> manifests) {
        return manifests.stream().map(m -> m.kind() + "/" + m.name()).toList();
    }

    @Test
    void dependenciesComeFirstAndEqualRanksKeepTheirOrder() {
        List<Manifest> given = manifests("Deployment/web", "Widget/w", "Service/web", "Secret/s", "ConfigMap/b",
                "ConfigMap/a", "RoleBinding/rb", "Role/r", "ServiceAccount/sa", "CustomResourceDefinition/crd",
                "Namespace/ns");
        assertEquals(List.of("Namespace/ns", "CustomResourceDefinition/crd", "ServiceAccount/sa", "Role/r",
                "RoleBinding/rb", "ConfigMap/b", "ConfigMap/a", "Secret/s", "Service/web", "Deployment/web",
                "Widget/w"), names(ApplyOrder.forApply(given)));
    }

    @Test
    void deletionIsTheReverseRankOrder() {
        List<Manifest> given = manifests("Namespace/ns", "ConfigMap/a", "Deployment/web", "ConfigMap/b");
        assertEquals(List.of("Deployment/web", "ConfigMap/a", "ConfigMap/b", "Namespace/ns"),
                names(ApplyOrder.forDelete(given)));
    }
}
