package dev.jctl.cli.apply.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jctl.cli.client.Connection;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every rule on objects as controllers write them: each fixture under {@code health/} holds an object, the related
 * objects by kind (a Service's Endpoints and EndpointSlices), and the health its rule must give.
 */
class HealthRulesTest {

    @TestFactory
    Stream<DynamicTest> eachFixtureGetsItsExpectedHealth() throws IOException, URISyntaxException {
        Path dir = Path.of(HealthRulesTest.class.getResource("/health").toURI());
        List<Path> fixtures;
        try (Stream<Path> files = Files.list(dir)) {
            fixtures = files.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        assertTrue(fixtures.size() >= 30, "fixtures found: " + fixtures.size());
        return fixtures.stream().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
            JsonNode fixture = Connection.JSON.readTree(Files.readString(file));
            JsonNode object = fixture.path("object");
            String apiVersion = object.path("apiVersion").asText();
            String group = apiVersion.contains("/") ? apiVersion.substring(0, apiVersion.indexOf('/')) : "";
            Health health = HealthRules.forKind(group, object.path("kind").asText()).evaluate(object, query -> {
                List<JsonNode> related = new ArrayList<>();
                fixture.path("related").path(query.kind()).forEach(related::add);
                return related;
            });
            assertEquals(fixture.path("state").asText(), health.state().name(), health.toString());
            assertEquals(fixture.path("message").asText(), health.message());
            assertEquals(!object.path("kind").asText().equals("ConfigMap"), health.tracked(), health.toString());
        }));
    }

    @Test
    void aWorkloadsPodsAreFoundByItsSelectorInTheQuerySyntax() {
        JsonNode selector = Connection.JSON.valueToTree(Map.of(
                "matchLabels", Map.of("app", "web"),
                "matchExpressions", List.of(
                        Map.of("key", "tier", "operator", "In", "values", List.of("front", "edge")),
                        Map.of("key", "canary", "operator", "DoesNotExist"),
                        Map.of("key", "track", "operator", "Exists"),
                        Map.of("key", "env", "operator", "NotIn", "values", List.of("dev")))));
        assertEquals("app=web,tier in (front,edge),!canary,track,env notin (dev)", PodProblems.labelSelector(selector));
        assertEquals("", PodProblems.labelSelector(Connection.JSON.createObjectNode()));
    }
}
