package dev.jctl.runtime.apiserver.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jctl.diff.smp.BuiltinPatchMeta;
import dev.jctl.diff.smp.OpenApiPatchMeta;
import dev.jctl.diff.smp.PatchMeta;
import dev.jctl.diff.smp.StrategicMergePatch;
import dev.jctl.runtime.apiserver.registry.Admission;
import dev.jctl.runtime.apiserver.registry.CustomResource;
import dev.jctl.runtime.apiserver.registry.KindInfo;
import dev.jctl.runtime.apiserver.registry.KindRegistry;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OpenApiDocumentsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final KindRegistry REGISTRY = KindRegistry.builtin();
    private static final OpenApiV3Documents V3 = new OpenApiV3Documents(REGISTRY, SchemaCatalog::builtin, "v1.32.0");
    private static final String DEPLOYMENT = "io.k8s.api.apps.v1.Deployment";

    @Test
    void indexListsEveryServedGroupVersion() {
        JsonNode paths = V3.index().path("paths");
        assertEquals("/openapi/v3/api/v1", paths.path("api/v1").path("serverRelativeURL").asText());
        assertEquals("/openapi/v3/apis/apps/v1", paths.path("apis/apps/v1").path("serverRelativeURL").asText());
        assertTrue(paths.has("apis/autoscaling/v1") && paths.has("apis/autoscaling/v2"), paths.toString());
        REGISTRY.groupVersions().forEach((group, versions) -> versions.forEach(v ->
                assertTrue(V3.forGroupVersion(group, v).isPresent(), group + "/" + v)));
        assertTrue(V3.forGroupVersion("apps", "v1beta1").isEmpty());
    }

    @Test
    void everyGroupVersionDocumentIsSelfContained() {
        REGISTRY.groupVersions().forEach((group, versions) -> versions.forEach(v -> {
            ObjectNode doc = V3.forGroupVersion(group, v).orElseThrow();
            JsonNode schemas = doc.path("components").path("schemas");
            List<String> dangling = new ArrayList<>();
            OpenApiAssertions.collectRefs(doc, SchemaRefs.V3_PREFIX).stream().filter(ref -> !schemas.has(ref))
                    .forEach(dangling::add);
            assertEquals(List.of(), dangling, group + "/" + v);
        }));
        JsonNode apps = V3.forGroupVersion("apps", "v1").orElseThrow().path("components").path("schemas");
        assertTrue(apps.has(DEPLOYMENT) && apps.has("io.k8s.api.core.v1.PodSpec"));
        assertFalse(apps.has("io.k8s.api.batch.v1.Job"), "schemas of other groups stay out");
    }

    @Test
    void operationsCarryActionsKindsAndTheParametersKubectlLooksFor() {
        ObjectNode doc = V3.forGroupVersion("apps", "v1").orElseThrow();
        JsonNode item = doc.path("paths").path("/apis/apps/v1/namespaces/{namespace}/deployments/{name}");
        JsonNode patch = item.path("patch");
        assertEquals("patch", patch.path("x-kubernetes-action").asText());
        assertEquals("patchAppsV1NamespacedDeployment", patch.path("operationId").asText());
        assertEquals("{\"group\":\"apps\",\"kind\":\"Deployment\",\"version\":\"v1\"}",
                patch.path("x-kubernetes-group-version-kind").toString());
        List<String> names = new ArrayList<>();
        patch.path("parameters").forEach(p -> names.add(p.path("name").asText()));
        assertEquals(List.of("dryRun", "fieldManager", "fieldValidation", "force"), names);
        List<String> types = new ArrayList<>();
        patch.path("requestBody").path("content").fieldNames().forEachRemaining(types::add);
        assertEquals(List.of("application/apply-patch+yaml", "application/json-patch+json",
                "application/merge-patch+json", "application/strategic-merge-patch+json"), types);
        assertEquals(SchemaRefs.V3_PREFIX + DEPLOYMENT, patch.path("responses").path("200").path("content")
                .path("application/json").path("schema").path("$ref").asText());
        for (String verb : List.of("get", "put", "delete")) {
            assertTrue(item.has(verb), verb);
        }
        JsonNode collection = doc.path("paths").path("/apis/apps/v1/namespaces/{namespace}/deployments");
        assertEquals("post", collection.path("post").path("x-kubernetes-action").asText());
        assertEquals(SchemaRefs.V3_PREFIX + DEPLOYMENT, collection.path("post").path("requestBody")
                .path("content").path("*/*").path("schema").path("$ref").asText());
        assertEquals("list", collection.path("get").path("x-kubernetes-action").asText());
        assertEquals("deletecollection", collection.path("delete").path("x-kubernetes-action").asText());
        assertTrue(doc.path("paths").has("/apis/apps/v1/deployments"), "list across namespaces");
        JsonNode scale = doc.path("paths").path("/apis/apps/v1/namespaces/{namespace}/deployments/{name}/scale");
        assertEquals("Scale", scale.path("get").path("x-kubernetes-group-version-kind").path("kind").asText());
        JsonNode namespaces = V3.forGroupVersion("", "v1").orElseThrow().path("paths");
        assertTrue(namespaces.has("/api/v1/namespaces/{name}"), "cluster-scoped paths have no namespace segment");
        assertSame(V3.forGroupVersion("apps", "v1").orElseThrow(), doc, "documents are built once");
    }

    @Test
    void customResourcesGetAnOpenSchemaNamedByTheirReversedGroup() {
        KindRegistry registry = KindRegistry.builtin();
        registry.register(new KindInfo("stable.example.com", "v1", "CronTab", "crontabs", "crontab", true,
                List.of("ct"), KindInfo.ALL_VERBS, List.of(), List.of(), true));
        ObjectNode doc = new OpenApiV3Documents(registry, SchemaCatalog::builtin, "v1.32.0")
                .forGroupVersion("stable.example.com", "v1").orElseThrow();
        JsonNode schema = doc.path("components").path("schemas").path("com.example.stable.v1.CronTab");
        assertTrue(schema.path("x-kubernetes-preserve-unknown-fields").asBoolean(), doc.toString());
        assertEquals("CronTab", schema.path("x-kubernetes-group-version-kind").path(0).path("kind").asText());
        assertEquals(SchemaRefs.V3_PREFIX + "com.example.stable.v1.CronTab", doc.path("paths")
                .path("/apis/stable.example.com/v1/namespaces/{namespace}/crontabs").path("post")
                .path("requestBody").path("content").path("*/*").path("schema").path("$ref").asText());
    }

    @Test
    void embeddedResourcesGetTypeMetaAndObjectMetaExceptInV2WhereTheyKeepUnknownFields() throws Exception {
        JsonNode schema = JSON.readTree("""
                {"type":"object","properties":{"spec":{"type":"object","properties":{
                  "template":{"type":"object","x-kubernetes-embedded-resource":true,"required":["kind"],
                              "properties":{"data":{"type":"string"}}},
                  "loose":{"type":"array","items":{"type":"object","x-kubernetes-embedded-resource":true,
                           "x-kubernetes-preserve-unknown-fields":true}}}}}}""");
        KindRegistry registry = KindRegistry.builtin();
        registry.register(new KindInfo("stable.example.com", "v1", "CronTab", "crontabs", "crontab", true,
                List.of(), KindInfo.ALL_VERBS, List.of(), List.of(), true, Admission.NONE,
                new CustomResource("v1", schema, List.of(), null, object -> { }, List.of())));
        JsonNode v3 = new OpenApiV3Documents(registry, SchemaCatalog::builtin, "v1.32.0")
                .forGroupVersion("stable.example.com", "v1").orElseThrow().path("components").path("schemas")
                .path("com.example.stable.v1.CronTab").path("properties").path("spec").path("properties");
        JsonNode template = v3.path("template");
        assertEquals(List.of("data", "apiVersion", "kind", "metadata"), names(template.path("properties")));
        assertEquals("[\"kind\",\"apiVersion\"]", template.path("required").toString());
        assertEquals(SchemaRefs.V3_PREFIX + OpenApiV3Documents.OBJECT_META,
                template.path("properties").path("metadata").path("allOf").path(0).path("$ref").asText());
        assertEquals(List.of("apiVersion", "kind", "metadata"), names(v3.path("loose").path("items")
                .path("properties")));
        JsonNode v2 = new OpenApiV2Document(registry, SchemaCatalog::builtin, "v1.32.0").document()
                .path("definitions").path("com.example.stable.v1.CronTab").path("properties").path("spec")
                .path("properties");
        assertEquals(List.of("data", "apiVersion", "kind", "metadata"), names(v2.path("template")
                .path("properties")));
        assertFalse(v2.path("loose").path("items").has("properties"),
                "v2 leaves them out where unknown fields are kept, so kubectl's own validation lets those through");
    }

    private static List<String> names(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Test
    void strategicMergeFromTheV3DocumentMatchesTheBuiltinTable() throws Exception {
        ObjectNode doc = V3.forGroupVersion("apps", "v1").orElseThrow();
        PatchMeta fromDocument = OpenApiPatchMeta.v3(doc, DEPLOYMENT);
        PatchMeta builtin = BuiltinPatchMeta.forKind("apps/v1", "Deployment").orElseThrow();
        assertSameMerges(fromDocument, builtin);
    }

    @Test
    void strategicMergeFromTheV2DocumentMatchesTheBuiltinTable() throws Exception {
        ObjectNode doc = new OpenApiV2Document(REGISTRY, SchemaCatalog::builtin, "v1.32.0").document();
        assertEquals("2.0", doc.path("swagger").asText());
        JsonNode definitions = doc.path("definitions");
        List<String> dangling = new ArrayList<>();
        OpenApiAssertions.collectRefs(doc, SchemaRefs.V2_PREFIX).stream().filter(r -> !definitions.has(r))
                .forEach(dangling::add);
        assertEquals(List.of(), dangling);
        assertEquals("{\"$ref\":\"#/definitions/io.k8s.api.core.v1.PodTemplateSpec\"}",
                definitions.path("io.k8s.api.apps.v1.DeploymentSpec").path("properties").path("template").toString(),
                "v2 references are plain $refs");
        assertEquals("string", definitions.path(SchemaNames.INT_OR_STRING).path("type").asText());
        assertSameMerges(OpenApiPatchMeta.v2(doc, DEPLOYMENT),
                BuiltinPatchMeta.forKind("apps/v1", "Deployment").orElseThrow());
    }

    /**
     * A kubectl apply of a Deployment whose containers changed: one added, one removed, an env var changed, a
     * port added, while the live object has a container the manifest never had.
     */
    private static void assertSameMerges(PatchMeta fromDocument, PatchMeta builtin) throws Exception {
        JsonNode original = deployment("""
                [{"name":"app","image":"app:1","env":[{"name":"MODE","value":"a"},{"name":"KEEP","value":"k"}]},
                 {"name":"old","image":"old:1"}]""");
        JsonNode modified = deployment("""
                [{"name":"app","image":"app:2","env":[{"name":"MODE","value":"b"},{"name":"KEEP","value":"k"}],
                  "ports":[{"containerPort":8080}]},
                 {"name":"new","image":"new:1"}]""");
        JsonNode current = deployment("""
                [{"name":"app","image":"app:1","env":[{"name":"MODE","value":"a"},{"name":"KEEP","value":"k"}]},
                 {"name":"old","image":"old:1"},{"name":"sidecar","image":"proxy:1"}]""");
        ObjectNode patch = StrategicMergePatch.createThreeWay(original, modified, current, builtin, false);
        assertEquals(patch, StrategicMergePatch.createThreeWay(original, modified, current, fromDocument, false));
        JsonNode merged = StrategicMergePatch.apply(current, patch, builtin);
        assertEquals(merged, StrategicMergePatch.apply(current, patch, fromDocument));
        Map<String, String> images = new HashMap<>();
        merged.path("spec").path("template").path("spec").path("containers")
                .forEach(c -> images.put(c.path("name").asText(), c.path("image").asText()));
        assertEquals(Map.of("app", "app:2", "new", "new:1", "sidecar", "proxy:1"), images);
        assertNotEquals(modified, merged, "the merge keeps the live-only sidecar, which a replace would drop");
    }

    private static JsonNode deployment(String containers) throws Exception {
        return JSON.readTree("""
                {"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"web"},
                 "spec":{"replicas":2,"selector":{"matchLabels":{"app":"web"}},
                  "template":{"metadata":{"labels":{"app":"web"}},"spec":{"containers":%s}}}}"""
                .formatted(containers));
    }
}
