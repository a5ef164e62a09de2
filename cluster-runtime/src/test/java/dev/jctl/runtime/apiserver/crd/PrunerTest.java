package dev.jctl.runtime.apiserver.crd;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class PrunerTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text.replace('\'', '"'));
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    @Test
    void dropsWhatTheSchemaDoesNotSpecify() {
        ObjectNode object = (ObjectNode) json("{'apiVersion': 'a/v1', 'kind': 'K', 'metadata': {'name': 'n'},"
                + " 'top': 1, 'spec': {'known': 1, 'unknown': 2, 'list': [{'x': 1, 'y': 2}],"
                + " 'open': {'any': {'deep': true}}, 'map': {'k': {'v': 1, 'w': 2}}, 'empty': {'gone': 1}}}");
        JsonNode schema = json("{'type': 'object', 'properties': {'spec': {'type': 'object', 'properties': {"
                + "'known': {'type': 'integer'},"
                + "'list': {'type': 'array', 'items': {'type': 'object', 'properties': {'x': {'type': 'integer'}}}},"
                + "'open': {'type': 'object', 'x-kubernetes-preserve-unknown-fields': true},"
                + "'map': {'type': 'object', 'additionalProperties': {'type': 'object', 'properties': {"
                + "'v': {'type': 'integer'}}}},"
                + "'empty': {'type': 'object'}}}}}");
        Pruner.prune(object, schema);
        assertEquals(json("{'apiVersion': 'a/v1', 'kind': 'K', 'metadata': {'name': 'n'}, 'spec': {'known': 1,"
                + " 'list': [{'x': 1}], 'open': {'any': {'deep': true}}, 'map': {'k': {'v': 1}}, 'empty': {}}}"),
                object);
    }

    @Test
    void embeddedResourcesKeepTheirTypeMeta() {
        ObjectNode object = (ObjectNode) json("{'spec': {'template': {'apiVersion': 'v1', 'kind': 'Pod',"
                + " 'metadata': {'name': 'p'}, 'junk': 1}}}");
        JsonNode schema = json("{'type': 'object', 'properties': {'spec': {'type': 'object', 'properties': {"
                + "'template': {'type': 'object', 'x-kubernetes-embedded-resource': true}}}}}");
        Pruner.prune(object, schema);
        assertEquals(json("{'spec': {'template': {'apiVersion': 'v1', 'kind': 'Pod', 'metadata': {'name': 'p'}}}}"),
                object);
    }
}
