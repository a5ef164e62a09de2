package dev.jctl.diff.smp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jctl.diff.PatchException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/** The directives and the built-in table on real manifests; the upstream tables run in the conformance suite. */
class StrategicMergePatchTest {
    private static final PatchMeta DEPLOYMENT = BuiltinPatchMeta.forKind("apps/v1", "Deployment").orElseThrow();

    private static final String DEPLOYMENT_YAML = """
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: web, labels: {app: web}}
            spec:
              replicas: 2
              selector: {matchLabels: {app: web}}
              template:
                metadata: {labels: {app: web}}
                spec:
                  containers:
                  - name: web
                    image: nginx:1.25
                    ports: [{containerPort: 80}]
                    env: [{name: A, value: "1"}, {name: B, value: "2"}]
                  - name: sidecar
                    image: busybox
                  tolerations: [{key: a, operator: Exists}]
            """;

    @Test
    void containerAddedByNameKeepsTheOthersAndComesFirstWithoutSetElementOrder() {
        JsonNode patch = yaml("""
                spec: {template: {spec: {containers: [{name: logger, image: fluentbit}]}}}
                """);
        JsonNode result = StrategicMergePatch.apply(yaml(DEPLOYMENT_YAML), patch, DEPLOYMENT);
        // Upstream puts patch items that the live list lacks before the server-only items.
        assertEquals(List.of("logger", "web", "sidecar"), containerNames(result));
    }

    @Test
    void containerRemovedWithDeleteDirective() {
        JsonNode patch = yaml("""
                spec: {template: {spec: {containers: [{name: sidecar, $patch: delete}]}}}
                """);
        JsonNode result = StrategicMergePatch.apply(yaml(DEPLOYMENT_YAML), patch, DEPLOYMENT);
        assertEquals(List.of("web"), containerNames(result));
        assertEquals("nginx:1.25", container(result, 0).path("image").asText());
    }

    @Test
    void orderAfterDeleteAndAddFollowsGoSliceAliasing() {
        JsonNode pod = yaml("{spec: {containers: [{name: a}, {name: b}, {name: c}]}}");
        PatchMeta podMeta = BuiltinPatchMeta.forKind("v1", "Pod").orElseThrow();
        // Upstream deletes in place: the live list it orders by afterwards then reads [a, c, d], so the new
        // item sorts after the survivors. kubectl 1.32 gives the same.
        JsonNode ordered = StrategicMergePatch.apply(pod, yaml("""
                spec: {$setElementOrder/containers: [{name: d}],
                  containers: [{name: b, $patch: delete}, {name: d}]}
                """), podMeta);
        assertEquals(List.of("a", "c", "d"), names(ordered.at("/spec/containers")));
        JsonNode unordered = StrategicMergePatch.apply(pod, yaml("""
                spec: {containers: [{name: b, $patch: delete}, {name: d}]}
                """), podMeta);
        assertEquals(List.of("d", "a", "c"), names(unordered.at("/spec/containers")));
    }

    @Test
    void envChangedByNameAndMapReplacedWithReplaceDirective() {
        JsonNode patch = yaml("""
                metadata: {labels: {$patch: replace, tier: front}}
                spec: {template: {spec: {containers: [{name: web, env: [{name: B, value: "3"}]}]}}}
                """);
        JsonNode result = StrategicMergePatch.apply(yaml(DEPLOYMENT_YAML), patch, DEPLOYMENT);
        assertEquals(yaml("[{name: A, value: '1'}, {name: B, value: '3'}]"), container(result, 0).get("env"));
        assertEquals(yaml("{tier: front}"), result.at("/metadata/labels"));
    }

    @Test
    void twoWayPatchOfAContainerChangeNamesTheContainerAndOrder() {
        JsonNode original = yaml(DEPLOYMENT_YAML);
        ObjectNode modified = original.deepCopy();
        ((ObjectNode) modified.at("/spec/template/spec/containers/0")).put("image", "nginx:1.26");
        ObjectNode patch = StrategicMergePatch.createTwoWay(original, modified, DEPLOYMENT);
        assertEquals(yaml("""
                spec:
                  template:
                    spec:
                      $setElementOrder/containers: [{name: web}, {name: sidecar}]
                      containers: [{name: web, image: nginx:1.26}]
                """), patch);
        assertEquals(modified, StrategicMergePatch.apply(original, patch, DEPLOYMENT));
    }

    @Test
    void twoWayPatchDeletesARemovedContainerAndReplacesTolerations() {
        JsonNode original = yaml(DEPLOYMENT_YAML);
        ObjectNode modified = original.deepCopy();
        ((ArrayNode) modified.at("/spec/template/spec/containers")).remove(1);
        ((ObjectNode) modified.at("/spec/template/spec")).set("tolerations", yaml("[{key: b, operator: Exists}]"));
        ObjectNode patch = StrategicMergePatch.createTwoWay(original, modified, DEPLOYMENT);
        assertEquals(yaml("""
                spec:
                  template:
                    spec:
                      $setElementOrder/containers: [{name: web}]
                      containers: [{name: sidecar, $patch: delete}]
                      tolerations: [{key: b, operator: Exists}]
                """), patch);
    }

    @Test
    void threeWayKeepsServerSideAdditionsAndDetectsConflicts() {
        JsonNode lastApplied = yaml(DEPLOYMENT_YAML);
        ObjectNode live = lastApplied.deepCopy();
        ((ObjectNode) live.at("/spec")).put("replicas", 5);
        ((ObjectNode) live.at("/metadata")).putObject("annotations").put("note", "server");
        ObjectNode desired = lastApplied.deepCopy();
        ((ObjectNode) desired.at("/spec")).put("replicas", 3);

        assertThrows(ConflictException.class,
                () -> StrategicMergePatch.createThreeWay(lastApplied, desired, live, DEPLOYMENT, false));
        ObjectNode patch = StrategicMergePatch.createThreeWay(lastApplied, desired, live, DEPLOYMENT, true);
        assertEquals(yaml("{spec: {replicas: 3}}"), patch);
        JsonNode result = StrategicMergePatch.apply(live, patch, DEPLOYMENT);
        assertEquals(3, result.at("/spec/replicas").intValue());
        assertEquals("server", result.at("/metadata/annotations/note").asText());
    }

    @Test
    void inputsAreNotModified() {
        JsonNode original = yaml(DEPLOYMENT_YAML);
        JsonNode patch = yaml("""
                spec: {template: {spec: {$setElementOrder/containers: [{name: sidecar}, {name: web}],
                  containers: [{name: web, $patch: delete}]}}}
                """);
        JsonNode originalCopy = original.deepCopy();
        JsonNode patchCopy = patch.deepCopy();
        StrategicMergePatch.apply(original, patch, DEPLOYMENT);
        StrategicMergePatch.createThreeWay(original, patch, original, DEPLOYMENT, true);
        assertEquals(originalCopy, original);
        assertEquals(patchCopy, patch);
    }

    @Test
    void integersStayIntegralAndFloatsAreADifferentType() {
        JsonNode original = yaml("{spec: {replicas: 1}, big: 9223372036854775807}");
        JsonNode result = StrategicMergePatch.apply(original, yaml("{x: 1}"), DEPLOYMENT);
        assertTrue(result.get("big").isIntegralNumber());
        assertEquals(BigInteger.valueOf(Long.MAX_VALUE), result.get("big").bigIntegerValue());
        // int64 1 and float64 1.5 are different Go types: a type change, replaced whole.
        JsonNode toFloat = StrategicMergePatch.createTwoWay(yaml("{a: 1}"), yaml("{a: 1.5}"), PatchMeta.UNTYPED);
        assertTrue(toFloat.get("a").isFloatingPointNumber());
        PatchException mixed = assertThrows(PatchException.class, () -> StrategicMergePatch.apply(
                yaml("{metadata: {finalizers: [a]}}"), yaml("{metadata: {finalizers: [1]}}"), DEPLOYMENT));
        assertTrue(mixed.getMessage().startsWith("list element types are not identical"), mixed.getMessage());
    }

    @Test
    void badPatchesFailWithUpstreamMessages() {
        PatchException order = assertThrows(PatchException.class, () -> StrategicMergePatch.apply(yaml(DEPLOYMENT_YAML),
                yaml("""
                        spec: {template: {spec: {$setElementOrder/containers: [{name: web}],
                          containers: [{name: sidecar, image: x}]}}}
                        """), DEPLOYMENT));
        assertTrue(order.getMessage().contains("doesn't match"), order.getMessage());
        PatchException key = assertThrows(PatchException.class, () -> StrategicMergePatch.apply(yaml(DEPLOYMENT_YAML),
                yaml("spec: {template: {spec: {containers: [{image: x}]}}}"), DEPLOYMENT));
        assertTrue(key.getMessage().contains("does not contain declared merge key: name"), key.getMessage());
        PatchException unknown = assertThrows(PatchException.class, () -> StrategicMergePatch.createTwoWay(
                yaml("{spec: {bogus: {a: 1}}}"), yaml("{spec: {bogus: {a: 2}}}"), DEPLOYMENT));
        assertEquals("unable to find api field in struct DeploymentSpec for the json field \"bogus\"",
                unknown.getMessage());
        assertThrows(PatchException.class, () -> StrategicMergePatch.apply(yaml("{}"), yaml("[1]"), DEPLOYMENT));
    }

    @Test
    void builtinTableHasKubectlsMetadata() {
        PatchMeta podSpec = BuiltinPatchMeta.forKind("v1", "Pod").orElseThrow().lookupStruct("spec").schema();
        assertField(podSpec.lookupSlice("containers"), List.of("merge"), "name");
        assertField(podSpec.lookupSlice("volumes"), List.of("merge", "retainKeys"), "name");
        assertField(podSpec.lookupSlice("tolerations"), List.of(), "");
        assertField(podSpec.lookupSlice("containers").schema().lookupSlice("ports"), List.of("merge"), "containerPort");
        assertField(podSpec.lookupSlice("containers").schema().lookupSlice("volumeMounts"), List.of("merge"), "mountPath");
        PatchMeta serviceSpec = BuiltinPatchMeta.forKind("v1", "Service").orElseThrow().lookupStruct("spec").schema();
        assertField(serviceSpec.lookupSlice("ports"), List.of("merge"), "port");
        PatchMeta metadata = BuiltinPatchMeta.forKind("batch/v1", "CronJob").orElseThrow().lookupStruct("metadata").schema();
        assertField(metadata.lookupSlice("ownerReferences"), List.of("merge"), "uid");
        assertField(metadata.lookupSlice("finalizers"), List.of("merge"), "");
        assertField(DEPLOYMENT.lookupStruct("spec").schema().lookupStruct("strategy"), List.of("retainKeys"), "");
        for (String kind : List.of("v1/ConfigMap", "v1/Secret", "v1/Namespace", "apps/v1/StatefulSet",
                "apps/v1/DaemonSet", "batch/v1/Job", "networking.k8s.io/v1/Ingress",
                "networking.k8s.io/v1/NetworkPolicy", "rbac.authorization.k8s.io/v1/ClusterRoleBinding",
                "policy/v1/PodDisruptionBudget", "autoscaling/v1/HorizontalPodAutoscaler",
                "autoscaling/v2/HorizontalPodAutoscaler")) {
            assertTrue(BuiltinPatchMeta.kinds().contains(kind), kind);
        }
        assertFalse(BuiltinPatchMeta.forKind("example.com/v1", "Widget").isPresent());
    }

    @Test
    void openApiSchemaFoundByGroupVersionKindWithOptionalListTypes() {
        JsonNode doc = yaml("""
                openapi: 3.0.0
                components:
                  schemas:
                    com.example.Widget:
                      x-kubernetes-group-version-kind: [{group: example.com, version: v1, kind: Widget}]
                      properties:
                        items:
                          type: array
                          items: {type: object, properties: {id: {type: string}, v: {type: string}}}
                          x-kubernetes-list-type: map
                          x-kubernetes-list-map-keys: [id]
                """);
        JsonNode original = yaml("{items: [{id: a, v: '1'}, {id: b, v: '2'}]}");
        JsonNode patch = yaml("{items: [{id: b, v: '3'}]}");
        PatchMeta kubectlLike = OpenApiPatchMeta.forKind(doc, "example.com/v1", "Widget").orElseThrow();
        assertEquals(patch, StrategicMergePatch.apply(original, patch, kubectlLike));
        PatchMeta withListTypes = OpenApiPatchMeta.forKind(doc, "example.com/v1", "Widget",
                OpenApiPatchMeta.ListTypes.AS_PATCH_STRATEGY).orElseThrow();
        assertEquals(yaml("{items: [{id: a, v: '1'}, {id: b, v: '3'}]}"),
                StrategicMergePatch.apply(original, patch, withListTypes));
        assertFalse(OpenApiPatchMeta.forKind(doc, "example.com/v2", "Widget").isPresent());
    }

    private static void assertField(PatchMeta.Field field, List<String> strategies, String mergeKey) {
        assertEquals(strategies, field.strategies());
        assertEquals(mergeKey, field.mergeKey());
    }

    private static JsonNode container(JsonNode deployment, int index) {
        return deployment.at("/spec/template/spec/containers/" + index);
    }

    private static List<String> containerNames(JsonNode deployment) {
        return names(deployment.at("/spec/template/spec/containers"));
    }

    private static List<String> names(JsonNode list) {
        List<String> names = new ArrayList<>();
        list.forEach(item -> names.add(item.path("name").asText()));
        return names;
    }

    /** YAML through SnakeYAML Engine into a Jackson tree, integers kept integral. */
    static JsonNode yaml(String text) {
        return toNode(new Load(LoadSettings.builder().build()).loadFromString(text));
    }

    private static JsonNode toNode(Object value) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        if (value instanceof Map<?, ?> map) {
            ObjectNode o = f.objectNode();
            map.forEach((k, v) -> o.set(String.valueOf(k), toNode(v)));
            return o;
        }
        if (value instanceof List<?> list) {
            var a = f.arrayNode();
            list.forEach(v -> a.add(toNode(v)));
            return a;
        }
        if (value instanceof Integer i) {
            return f.numberNode(i);
        }
        if (value instanceof Long l) {
            return f.numberNode(l);
        }
        if (value instanceof BigInteger b) {
            return f.numberNode(b);
        }
        if (value instanceof Double d) {
            return f.numberNode(d);
        }
        if (value instanceof Boolean b) {
            return f.booleanNode(b);
        }
        return value == null ? f.nullNode() : f.textNode(value.toString());
    }
}
