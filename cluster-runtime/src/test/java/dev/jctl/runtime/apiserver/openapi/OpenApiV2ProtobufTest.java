package dev.jctl.runtime.apiserver.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.protobuf.ByteString;
import com.google.protobuf.UnknownFieldSet;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The gnostic mapping of the parts of Swagger 2.0 that are not one JSON key to one field. */
class OpenApiV2ProtobufTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static UnknownFieldSet encode(String json) throws Exception {
        return UnknownFieldSet.parseFrom(OpenApiV2Protobuf.encode(JSON.readTree(json)));
    }

    private static UnknownFieldSet only(UnknownFieldSet message, int field) throws Exception {
        List<ByteString> values = message.getField(field).getLengthDelimitedList();
        assertEquals(1, values.size(), "field " + field + " of " + message);
        return UnknownFieldSet.parseFrom(values.get(0));
    }

    private static String string(UnknownFieldSet message, int field) {
        return message.getField(field).getLengthDelimitedList().get(0).toStringUtf8();
    }

    @Test
    void parametersAreChosenByWhereTheyGo() throws Exception {
        UnknownFieldSet doc = encode("""
                {"swagger": "2.0", "paths": {"/x": {"post": {"parameters": [
                  {"name": "body", "in": "body", "required": true, "schema": {"$ref": "#/definitions/X"}},
                  {"name": "dryRun", "in": "query", "type": "string", "uniqueItems": true},
                  {"$ref": "#/parameters/pretty"}]}}}}
                """);
        UnknownFieldSet namedPath = only(only(doc, 8), 2);
        assertEquals("/x", string(namedPath, 1));
        UnknownFieldSet operation = only(only(namedPath, 2), 4);
        List<ByteString> parameters = operation.getField(8).getLengthDelimitedList();
        assertEquals(3, parameters.size());
        UnknownFieldSet body = only(only(UnknownFieldSet.parseFrom(parameters.get(0)), 1), 1);
        assertEquals("body", string(body, 2));
        assertEquals(List.of(1L), body.getField(4).getVarintList());
        assertEquals("#/definitions/X", string(only(body, 5), 1));
        UnknownFieldSet query = only(only(only(UnknownFieldSet.parseFrom(parameters.get(1)), 1), 2), 3);
        assertEquals("dryRun", string(query, 4));
        assertEquals("string", string(query, 6));
        assertEquals(List.of(1L), query.getField(20).getVarintList());
        assertEquals("#/parameters/pretty", string(only(UnknownFieldSet.parseFrom(parameters.get(2)), 2), 1));
    }

    @Test
    void schemasKeepTheirShapesAndDropZeroValues() throws Exception {
        UnknownFieldSet doc = encode("""
                {"swagger": "2.0", "definitions": {"X": {
                  "type": "object", "required": ["a"], "minProperties": 0,
                  "properties": {"a": {"type": "array", "items": {"type": "string"}},
                                 "m": {"type": "object", "additionalProperties": true}},
                  "x-kubernetes-group-version-kind": [{"group": "", "kind": "X", "version": "v1"}]}}}
                """);
        UnknownFieldSet named = only(only(doc, 9), 1);
        assertEquals("X", string(named, 1));
        UnknownFieldSet x = only(named, 2);
        assertEquals("object", string(only(x, 22), 1));
        assertEquals("a", string(x, 19));
        assertTrue(x.getField(18).getVarintList().isEmpty(), "proto3 leaves out a zero");
        List<ByteString> properties = only(x, 25).getField(1).getLengthDelimitedList();
        UnknownFieldSet a = only(UnknownFieldSet.parseFrom(properties.get(0)), 2);
        assertEquals("array", string(only(a, 22), 1));
        assertEquals("string", string(only(only(only(a, 23), 1), 22), 1));
        UnknownFieldSet m = only(UnknownFieldSet.parseFrom(properties.get(1)), 2);
        assertEquals(List.of(1L), only(m, 21).getField(2).getVarintList());
        UnknownFieldSet extension = only(x, 31);
        assertEquals("x-kubernetes-group-version-kind", string(extension, 1));
        assertEquals("- group: \"\"\n  kind: X\n  version: v1\n", string(only(extension, 2), 2));
    }

    @Test
    void aKeySwaggerDoesNotHaveIsRefused() {
        JsonNode v3ism = JSON.createObjectNode().put("swagger", "2.0").set("definitions",
                JSON.createObjectNode().set("X", JSON.createObjectNode().put("type", "string").put("nullable", true)));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> OpenApiV2Protobuf.encode(v3ism));
        assertEquals("$.definitions.X has invalid property: nullable (Schema)", e.getMessage());
    }
}
