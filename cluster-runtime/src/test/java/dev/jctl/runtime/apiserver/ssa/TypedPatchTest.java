package dev.jctl.runtime.apiserver.ssa;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jctl.runtime.apiserver.ApiException;
import dev.jctl.runtime.apiserver.Json;
import dev.jctl.runtime.apiserver.registry.Admission;
import dev.jctl.runtime.apiserver.registry.CustomResource;
import dev.jctl.runtime.apiserver.registry.KindInfo;
import dev.jctl.runtime.apiserver.registry.KindRegistry;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Which apply patches upstream's typed conversion refuses, and in which words: the rules are structured-merge-diff's
 * (typed/validate.go visitMapItems) on the schema kube-openapi's schemaconv builds, the message managedfields'
 * structuredmerge.go wraps them in.
 */
class TypedPatchTest {
    private static final KindInfo DEPLOYMENT = KindRegistry.builtin().find("apps", "v1", "deployments").orElseThrow();
    private static final KindInfo CONFIG_MAP = KindRegistry.builtin().find("", "v1", "configmaps").orElseThrow();

    private static ObjectNode json(String text) {
        return (ObjectNode) Json.parse(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String refused(KindInfo kind, String patch) {
        ApiException e = assertThrows(ApiException.class, () -> TypedPatch.check(kind, json(patch)));
        assertEquals(500, e.code());
        assertEquals("", e.reason(), "a plain Go error has no reason");
        return e.getMessage();
    }

    @Test
    void anUndeclaredFieldIsNamedWithListItemsByTheirKeys() {
        assertEquals("failed to create typed patch object (default/web; apps/v1, Kind=Deployment):"
                + " .spec.template.spec.containers[name=\"web\"].imagee: field not declared in schema",
                refused(DEPLOYMENT, """
                        {"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"web","namespace":"default"},
                         "spec":{"template":{"spec":{"containers":[{"name":"web","imagee":"nginx"}]}}}}"""));
        assertEquals("failed to create typed patch object (/cm; /v1, Kind=ConfigMap): .data_error: field not"
                + " declared in schema", refused(CONFIG_MAP, """
                        {"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"cm"},"data_error":{"a":"b"}}"""));
    }

    @Test
    void severalAreListedAndEachObjectStopsAtItsFirst() {
        assertEquals("failed to create typed patch object (default/web; apps/v1, Kind=Deployment): errors:\n"
                + "  .metadata.labelz: field not declared in schema\n"
                + "  .spec.template.spec.containers[name=\"a\"].imagee: field not declared in schema\n"
                + "  .spec.replicaz: field not declared in schema", refused(DEPLOYMENT, """
                {"apiVersion":"apps/v1","kind":"Deployment",
                 "metadata":{"name":"web","namespace":"default","labelz":{},"annotationz":{}},
                 "spec":{"template":{"spec":{"containers":[{"name":"a","imagee":"x","imageee":"y"}]}},
                  "replicaz":2,"selector":{"matchLabelz":{}}}}"""));
    }

    @Test
    void declaredFieldsAndFreeFormMapsPass() {
        assertDoesNotThrow(() -> TypedPatch.check(DEPLOYMENT, json("""
                {"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"web","labels":{"any/key":"v"}},
                 "spec":{"replicas":1,"selector":{"matchLabels":{"app":"web"}},
                  "template":{"metadata":{"annotations":{"x":"y"}},"spec":{"containers":[{"name":"web",
                   "image":"nginx","resources":{"limits":{"cpu":"1"}}}],"nodeSelector":{"disk":"ssd"}}}}}""")));
    }

    private static KindInfo widget(String schema) {
        return new KindInfo("example.com", "v1", "Widget", "widgets", "widget", true, List.of(), KindInfo.ALL_VERBS,
                List.of(), List.of(), true, Admission.NONE, new CustomResource("v1", Json.parse(schema.getBytes(
                StandardCharsets.UTF_8)), List.of(), null, object -> { }, List.of()));
    }

    private static final KindInfo WIDGET = widget("""
            {"type":"object","properties":{
              "spec":{"type":"object","properties":{
                "size":{"type":"integer"},
                "ports":{"type":"array","x-kubernetes-list-type":"map","x-kubernetes-list-map-keys":["port"],
                         "items":{"type":"object","properties":{"port":{"type":"integer"}}}},
                "free":{"type":"object","x-kubernetes-preserve-unknown-fields":true,
                        "properties":{"nested":{"type":"object","properties":{"a":{"type":"string"}}}}},
                "labels":{"type":"object","additionalProperties":{"type":"string"}},
                "any":{"type":"object"},
                "template":{"type":"object","x-kubernetes-embedded-resource":true,
                            "x-kubernetes-preserve-unknown-fields":true}}}}}
            """);

    private static String widgetPatch(String spec) {
        return "{\"apiVersion\":\"example.com/v1\",\"kind\":\"Widget\",\"metadata\":{\"name\":\"w\",\"namespace\":"
                + "\"ns\"},\"spec\":" + spec + "}";
    }

    @Test
    void customResourcesAreCheckedAgainstTheirSchema() {
        assertEquals("failed to create typed patch object (ns/w; example.com/v1, Kind=Widget):"
                + " .spec.ports[port=80].name: field not declared in schema",
                refused(WIDGET, widgetPatch("{\"size\":1,\"ports\":[{\"port\":80,\"name\":\"http\"}]}")));
        assertEquals("failed to create typed patch object (ns/w; example.com/v1, Kind=Widget): .metadata.bogus:"
                + " field not declared in schema", refused(WIDGET, widgetPatch("{}").replace("\"name\":\"w\"",
                "\"name\":\"w\",\"bogus\":1")));
    }

    @Test
    void preservedObjectsTakeAnyFieldDownToNamedTypes() {
        assertDoesNotThrow(() -> TypedPatch.check(WIDGET, json(widgetPatch("""
                {"free":{"x":1,"nested":{"b":2}},"labels":{"k":"v"},"any":{"whatever":{"deep":1}},
                 "template":{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"t"},"data":{"a":"b"}}}"""))),
                "schemaconv opens what x-kubernetes-preserve-unknown-fields marks and everything inlined beneath");
        assertEquals("failed to create typed patch object (ns/w; example.com/v1, Kind=Widget):"
                + " .spec.template.metadata.bogus: field not declared in schema", refused(WIDGET, widgetPatch("""
                {"template":{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"t","bogus":1}}}""")),
                "an embedded resource's metadata is an ObjectMeta, a named type checked on its own");
    }

    @Test
    void kindsWithoutASchemaTakeAnything() {
        JsonNode anything = json(widgetPatch("{\"whatever\":1}"));
        assertDoesNotThrow(() -> TypedPatch.check(widget("null"), (ObjectNode) anything));
    }
}
