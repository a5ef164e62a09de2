package dev.jctl.runtime.apiserver.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jctl.runtime.apiserver.registry.BuiltinKinds;
import dev.jctl.runtime.apiserver.registry.KindInfo;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SchemaCatalogTest {
    private static final SchemaCatalog CATALOG = SchemaCatalog.builtin();

    @Test
    void everyBuiltinKindAndListKindHasASchemaDeclaringItsGroupVersionKind() {
        for (KindInfo k : BuiltinKinds.all()) {
            for (String kind : List.of(k.kind(), k.listKind())) {
                String name = CATALOG.schemaName(k.group(), k.version(), kind).orElseThrow(() ->
                        new AssertionError("no schema for " + k.apiVersion() + " " + kind));
                JsonNode gvk = CATALOG.schema(name).path("x-kubernetes-group-version-kind").path(0);
                assertEquals(k.group(), gvk.path("group").asText(), name);
                assertEquals(k.version(), gvk.path("version").asText(), name);
                assertEquals(kind, gvk.path("kind").asText(), name);
            }
        }
        assertEquals("io.k8s.api.apps.v1.Deployment", CATALOG.schemaName("apps", "v1", "Deployment").orElseThrow());
        assertEquals("io.k8s.api.autoscaling.v2.HorizontalPodAutoscaler",
                CATALOG.schemaName("autoscaling", "v2", "HorizontalPodAutoscaler").orElseThrow());
        assertEquals("io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1.CustomResourceDefinition",
                CATALOG.schemaName("apiextensions.k8s.io", "v1", "CustomResourceDefinition").orElseThrow());
    }

    @Test
    void everyReferenceResolvesAndEverySchemaIsTyped() {
        List<String> problems = new ArrayList<>();
        CATALOG.schemas().forEach((name, schema) -> OpenApiAssertions.collectRefs(schema, SchemaRefs.V3_PREFIX)
                .stream().filter(ref -> !CATALOG.schemas().containsKey(ref))
                .forEach(ref -> problems.add(name + " -> " + ref)));
        assertEquals(List.of(), problems);
        Set<String> untyped = Set.of(SchemaNames.JSON, SchemaNames.INT_OR_STRING, SchemaNames.QUANTITY,
                "io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1.JSONSchemaPropsOrArray",
                "io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1.JSONSchemaPropsOrBool",
                "io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1.JSONSchemaPropsOrStringArray");
        CATALOG.schemas().forEach((name, schema) ->
                assertEquals(!untyped.contains(name), schema.has("type"), name + " " + schema));
    }

    @Test
    void containersMergeOnTheirName() {
        JsonNode containers = OpenApiAssertions.property(CATALOG.schemas(), "io.k8s.api.apps.v1.Deployment",
                "spec", "template", "spec", "containers");
        assertEquals("array", containers.path("type").asText());
        assertEquals("merge", containers.path("x-kubernetes-patch-strategy").asText());
        assertEquals("name", containers.path("x-kubernetes-patch-merge-key").asText());
        assertEquals("map", containers.path("x-kubernetes-list-type").asText());
        assertEquals("[\"name\"]", containers.path("x-kubernetes-list-map-keys").toString());
        assertEquals("io.k8s.api.core.v1.Container", SchemaRefs.refName(containers.path("items")));

        JsonNode volumes = OpenApiAssertions.property(CATALOG.schemas(), "io.k8s.api.core.v1.PodSpec", "volumes");
        assertEquals("merge,retainKeys", volumes.path("x-kubernetes-patch-strategy").asText());
        JsonNode strategy = OpenApiAssertions.property(CATALOG.schemas(), "io.k8s.api.apps.v1.DeploymentSpec",
                "strategy");
        assertEquals("retainKeys", strategy.path("x-kubernetes-patch-strategy").asText());
        JsonNode finalizers = OpenApiAssertions.property(CATALOG.schemas(),
                "io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta", "finalizers");
        assertEquals("set", finalizers.path("x-kubernetes-list-type").asText());
        JsonNode args = OpenApiAssertions.property(CATALOG.schemas(), "io.k8s.api.core.v1.Container", "args");
        assertFalse(args.has("x-kubernetes-patch-strategy"), args.toString());
    }

    @Test
    void scalarsAreTypedAsKubeApiserverTypesThem() {
        Map<String, ? extends JsonNode> s = CATALOG.schemas();
        assertEquals("{\"type\":\"integer\",\"format\":\"int32\"}",
                OpenApiAssertions.property(s, "io.k8s.api.apps.v1.DeploymentSpec", "replicas").toString());
        assertEquals("{\"type\":\"integer\",\"format\":\"int64\"}",
                OpenApiAssertions.property(s, "io.k8s.api.core.v1.PodSpec", "terminationGracePeriodSeconds")
                        .toString());
        assertEquals("boolean", OpenApiAssertions.property(s, "io.k8s.api.core.v1.Container", "tty").path("type")
                .asText());
        JsonNode labels = OpenApiAssertions.property(s, "io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta", "labels");
        assertEquals("object", labels.path("type").asText());
        assertEquals("string", labels.path("additionalProperties").path("type").asText());
        assertEquals(SchemaNames.TIME, SchemaRefs.refName(OpenApiAssertions.property(s,
                "io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta", "creationTimestamp")));
        assertEquals("date-time", CATALOG.schema(SchemaNames.TIME).path("format").asText());
        assertEquals(SchemaNames.INT_OR_STRING, SchemaRefs.refName(OpenApiAssertions.property(s,
                "io.k8s.api.apps.v1.RollingUpdateDeployment", "maxSurge")));
        assertTrue(CATALOG.schema(SchemaNames.INT_OR_STRING).path("x-kubernetes-int-or-string").asBoolean());
        JsonNode limits = OpenApiAssertions.property(s, "io.k8s.api.core.v1.ResourceRequirements", "limits");
        assertEquals(SchemaNames.QUANTITY, SchemaRefs.refName(limits.path("additionalProperties")));
        assertEquals("[\"selector\",\"template\"]", CATALOG.schema("io.k8s.api.apps.v1.DeploymentSpec")
                .path("required").toString());
        assertEquals("[\"name\"]", CATALOG.schema("io.k8s.api.core.v1.Container").path("required").toString());
    }

    @Test
    void reachableSchemasFollowReferencesTransitively() {
        Set<String> reachable = CATALOG.reachableFrom(List.of("io.k8s.api.core.v1.ConfigMap"));
        assertTrue(reachable.containsAll(List.of("io.k8s.api.core.v1.ConfigMap",
                "io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta", "io.k8s.apimachinery.pkg.apis.meta.v1.FieldsV1",
                SchemaNames.TIME)), reachable.toString());
        assertFalse(reachable.contains("io.k8s.api.core.v1.PodSpec"));
    }
}
