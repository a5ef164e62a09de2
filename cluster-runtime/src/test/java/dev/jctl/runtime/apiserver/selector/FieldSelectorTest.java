package dev.jctl.runtime.apiserver.selector;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jctl.runtime.apiserver.ApiException;
import dev.jctl.runtime.apiserver.Json;
import dev.jctl.runtime.apiserver.registry.Admission;
import dev.jctl.runtime.apiserver.registry.BuiltinKinds;
import dev.jctl.runtime.apiserver.registry.CustomResource;
import dev.jctl.runtime.apiserver.registry.KindInfo;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Field selectors as kube-apiserver 1.32 takes them: apimachinery's fields.ParseSelector grammar and errors, then
 * each kind's field label conversion (pkg/apis/core/v1 and friends, runtime.DefaultMetaV1FieldSelectorConversion,
 * apiextensions' crConverter) with its own error, then its registry's selectable field values.
 */
class FieldSelectorTest {
    private static final JsonNode POD = json("""
            {"metadata": {"name": "web-1", "namespace": "shop"},
             "spec": {"nodeName": "n1", "restartPolicy": "Always"},
             "status": {"phase": "Running", "podIP": "10.0.0.5", "podIPs": [{"ip": "10.0.0.5"}]}}""");

    private static JsonNode json(String text) {
        return Json.parse(text.getBytes(StandardCharsets.UTF_8));
    }

    private static KindInfo builtin(String group, String kind) {
        return BuiltinKinds.all().stream().filter(k -> k.group().equals(group) && k.kind().equals(kind))
                .findFirst().orElseThrow();
    }

    private static boolean selects(String selector, String group, String kind, String object) {
        return FieldSelector.parse(selector, builtin(group, kind)).test(json(object));
    }

    private static String refusal(String selector, KindInfo kind) {
        ApiException e = assertThrows(ApiException.class, () -> FieldSelector.parse(selector, kind));
        assertEquals(400, e.code());
        return e.getMessage();
    }

    @Test
    void podFieldsAndOperators() {
        KindInfo pod = builtin("", "Pod");
        assertTrue(FieldSelector.parse("spec.nodeName=n1,status.phase==Running", pod).test(POD));
        assertTrue(FieldSelector.parse("status.phase!=Pending", pod).test(POD));
        assertFalse(FieldSelector.parse("metadata.namespace=other", pod).test(POD));
        assertTrue(FieldSelector.parse("spec.hostNetwork=false", pod).test(POD), "hostNetwork defaults to false");
        assertTrue(FieldSelector.parse("spec.host=n1", pod).test(POD), "the old v1 label for spec.nodeName");
        assertTrue(FieldSelector.parse("status.podIPs=", pod).test(POD), "accepted but never a selectable value");
        assertTrue(FieldSelector.parse(",,status.podIP=10.0.0.5,", pod).test(POD), "empty terms are skipped");
        assertTrue(FieldSelector.parse("", pod).test(POD));
    }

    @Test
    void valuesEscapeCommasAndEquals() {
        String object = "{\"metadata\": {\"name\": \"a,b=c\\\\d\"}}";
        assertTrue(selects("metadata.name=a\\,b\\=c\\\\d", "", "ConfigMap", object));
        assertEquals("invalid field selector: unescaped character in value: 61",
                refusal("metadata.name=a=b", builtin("", "ConfigMap")));
        assertEquals("invalid field selector: invalid escape sequence: \\x",
                refusal("metadata.name=a\\x", builtin("", "ConfigMap")));
        assertEquals("invalid field selector: invalid escape sequence: \\",
                refusal("metadata.name=a\\", builtin("", "ConfigMap")));
    }

    @Test
    void parseErrorsNameTheWholeSelectorAndComeBeforeLabelErrors() {
        assertEquals("invalid selector: 'spec.x=1,foo'; can't understand 'foo'",
                refusal("spec.x=1,foo", builtin("", "ConfigMap")));
        // terms are checked in sorted order
        assertEquals("field label not supported: a.b", refusal("z.y=1,a.b=2", builtin("", "Pod")));
        // no trimming: the space belongs to the label
        assertEquals("field label not supported: metadata.name ", refusal("metadata.name =x", builtin("", "Pod")));
    }

    @Test
    void eachKindRefusesWithItsConversionsWords() {
        assertEquals("\"spec.nodeName\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\"",
                refusal("spec.nodeName=x", builtin("", "ConfigMap")));
        assertEquals("\"status.replicas\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\"",
                refusal("status.replicas=0", builtin("apps", "ReplicaSet")));
        assertEquals("field label not supported: metadata.namespace", refusal("metadata.namespace=x",
                builtin("", "Node")));
        assertEquals("field label not supported: metadata.namespace", refusal("metadata.namespace=x",
                builtin("", "Namespace")));
        assertEquals("field label \"status.active\" not supported for batchv1.Job",
                refusal("status.active=1", builtin("batch", "Job")));
        assertEquals("field label not supported: involvedObject.name",
                refusal("involvedObject.name=x", builtin("events.k8s.io", "Event")));
    }

    @Test
    void selectableValuesOfOtherKinds() {
        assertTrue(selects("spec.type=NodePort,spec.clusterIP=10.96.0.9", "", "Service",
                "{\"spec\": {\"type\": \"NodePort\", \"clusterIP\": \"10.96.0.9\"}}"));
        assertTrue(selects("status.successful=0", "batch", "Job", "{\"status\": {}}"));
        assertTrue(selects("status.successful=2", "batch", "Job", "{\"status\": {\"succeeded\": 2}}"));
        assertTrue(selects("status.replicas=0", "", "ReplicationController", "{\"status\": {}}"));
        assertTrue(selects("spec.unschedulable=false", "", "Node", "{\"spec\": {}}"));
        assertTrue(selects("type=Opaque,metadata.namespace=a", "", "Secret",
                "{\"type\": \"Opaque\", \"metadata\": {\"namespace\": \"a\"}}"));
    }

    @Test
    void customResourcesSelectByTheirSelectableFields() {
        KindInfo widget = new KindInfo("example.com", "v1", "Widget", "widgets", "widget", true, List.of(),
                KindInfo.ALL_VERBS, List.of(), List.of(), true, Admission.NONE,
                new CustomResource("v1", null, List.of(), null, object -> { }, List.of("spec.color", "spec.size")));
        JsonNode red = json("{\"metadata\": {\"name\": \"w\", \"namespace\": \"a\"}, "
                + "\"spec\": {\"color\": \"red\", \"size\": 3}}");
        assertTrue(FieldSelector.parse("spec.color=red,spec.size=3,metadata.namespace=a", widget).test(red));
        assertTrue(FieldSelector.parse("spec.size!=4", widget).test(red));
        assertEquals("field label not supported: spec.shape", refusal("spec.shape=round", widget));
        KindInfo clusterWidget = new KindInfo("example.com", "v1", "Gadget", "gadgets", "gadget", false, List.of(),
                KindInfo.ALL_VERBS, List.of(), List.of(), true, Admission.NONE,
                new CustomResource("v1", null, List.of(), null, object -> { }, List.of()));
        assertEquals("field label not supported: metadata.namespace", refusal("metadata.namespace=", clusterWidget));
    }
}
