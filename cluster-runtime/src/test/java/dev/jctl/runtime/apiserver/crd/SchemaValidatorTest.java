package dev.jctl.runtime.apiserver.crd;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jctl.runtime.apiserver.ApiException.Cause;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SchemaValidatorTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNode SCHEMA = json("{'type': 'object', 'properties': {'spec': {'type': 'object',"
            + " 'properties': {"
            + "'name': {'type': 'string', 'minLength': 3},"
            + "'ratio': {'type': 'number', 'minimum': 0, 'exclusiveMinimum': true},"
            + "'optional': {'type': 'string', 'nullable': true},"
            + "'strict': {'type': 'string'},"
            + "'hosts': {'type': 'array', 'minItems': 1, 'items': {'type': 'string'}},"
            + "'labels': {'type': 'object', 'additionalProperties': {'type': 'string'}}}}}}");

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text.replace('\'', '"'));
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static List<String> problems(String spec) {
        List<Cause> causes = SchemaValidator.validate(json("{'spec': " + spec + "}"), SCHEMA);
        return causes.stream().map(c -> c.field() + ": " + c.message()).toList();
    }

    @Test
    void validObjectsPass() {
        assertEquals(List.of(), problems("{'name': 'abc', 'ratio': 0.5, 'optional': null, 'hosts': ['a'],"
                + " 'labels': {'a': 'b'}}"));
    }

    @Test
    void wordsEachProblemAsUpstream() {
        assertEquals(List.of(
                "spec.name: Invalid value: \"ab\": spec.name in body should be at least 3 chars long",
                "spec.ratio: Invalid value: 0: spec.ratio in body should be greater than 0",
                "spec.strict: Invalid value: \"null\": spec.strict in body must be of type string: \"null\"",
                "spec.hosts: Invalid value: 0: spec.hosts in body should have at least 1 items",
                "spec.labels.a: Invalid value: \"integer\": spec.labels.a in body must be of type string:"
                        + " \"integer\""),
                problems("{'name': 'ab', 'ratio': 0, 'optional': null, 'strict': null, 'hosts': [],"
                        + " 'labels': {'a': 1}}"));
    }
}
