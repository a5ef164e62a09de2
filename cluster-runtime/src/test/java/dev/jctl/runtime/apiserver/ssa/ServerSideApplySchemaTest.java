package dev.jctl.runtime.apiserver.ssa;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jctl.diff.ssa.Schema;
import dev.jctl.runtime.apiserver.Json;
import dev.jctl.runtime.apiserver.registry.Admission;
import dev.jctl.runtime.apiserver.registry.CustomResource;
import dev.jctl.runtime.apiserver.registry.KindInfo;
import dev.jctl.runtime.apiserver.registry.KindRegistry;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The built-in schemas as field ownership sees them: list identity, atomic types, declared fields. */
class ServerSideApplySchemaTest {
    private static Schema schema(String group, String version, String plural) {
        KindInfo kind = KindRegistry.builtin().find(group, version, plural).orElseThrow();
        return CatalogSchema.forKind(kind);
    }

    @Test
    void podTemplateListsAreKeyedAsUpstreamKeysThem() {
        Schema podSpec = schema("apps", "v1", "deployments").field("spec").field("template").field("spec");
        Schema containers = podSpec.field("containers");
        assertEquals(Schema.ListType.MAP, containers.listType());
        assertEquals(List.of("name"), containers.listKeys());
        Schema ports = containers.items().field("ports");
        assertEquals(Schema.ListType.MAP, ports.listType());
        assertEquals(List.of("containerPort"), ports.listKeys());
        assertEquals(Schema.ListType.ATOMIC, podSpec.field("tolerations").listType(), "no list type: atomic");
        assertEquals(Schema.ListType.ATOMIC, containers.items().field("args").listType());
    }

    @Test
    void metadataFieldsAndAtomicStructs() {
        Schema deployment = schema("apps", "v1", "deployments");
        Schema meta = deployment.field("metadata");
        assertTrue(meta.declares("labels") && !meta.field("labels").declares("app"), "labels is a free-form map");
        assertEquals(Schema.ListType.SET, meta.field("finalizers").listType());
        assertEquals(List.of("uid"), meta.field("ownerReferences").listKeys());
        assertTrue(deployment.field("spec").field("selector").atomicMap(), "LabelSelector is structType=atomic");
        assertFalse(deployment.field("spec").field("template").atomicMap());
    }

    private static KindInfo widget(JsonNode schema) {
        return new KindInfo("example.com", "v1", "Widget", "widgets", "widget", true, List.of(), KindInfo.ALL_VERBS,
                List.of(), List.of(), true, Admission.NONE, new CustomResource("v1", schema, List.of(), null,
                object -> { }, List.of()));
    }

    @Test
    void customResourcesUseTheirOpenApiSchema() {
        JsonNode schema = Json.parse(("{\"type\":\"object\",\"properties\":{\"spec\":{\"type\":\"object\","
                + "\"properties\":{\"ports\":{\"type\":\"array\",\"x-kubernetes-list-type\":\"map\","
                + "\"x-kubernetes-list-map-keys\":[\"port\"],\"items\":{\"type\":\"object\"}}}}}}")
                .getBytes(StandardCharsets.UTF_8));
        Schema ports = CatalogSchema.forKind(widget(schema)).field("spec").field("ports");
        assertEquals(Schema.ListType.MAP, ports.listType());
        assertEquals(List.of("port"), ports.listKeys());
        assertSame(Schema.UNTYPED, CatalogSchema.forKind(widget(null)));
    }
}
