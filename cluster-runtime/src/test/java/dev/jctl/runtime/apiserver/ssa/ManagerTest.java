package dev.jctl.runtime.apiserver.ssa;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jctl.runtime.apiserver.Json;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Manager ids key field sets: written by hand for speed, they must stay the JSON of the manager's identity. */
class ManagerTest {
    @Test
    void idIsTheJsonOfTheIdentityAndReadsBackAsTheSameManager() {
        for (Manager manager : new Manager[] {
            new Manager("kubectl-client-side-apply", Manager.UPDATE, "apps/v1", null),
            new Manager("kubectl", Manager.UPDATE, "apps/v1", "scale"),
            new Manager("kubectl", Manager.APPLY, "v1", ""),
            new Manager("we\"ird\\ name\u0001 ü \u2028", Manager.UPDATE, "v1", "status"),
            new Manager("", Manager.UPDATE, "v1", null),
        }) {
            ObjectNode expected = Json.object().put("manager", manager.name()).put("operation", manager.operation());
            if (manager.operation().equals(Manager.UPDATE)) {
                expected.put("apiVersion", manager.apiVersion());
            }
            if (manager.subresource() != null && !manager.subresource().isEmpty()) {
                expected.put("subresource", manager.subresource());
            }
            String id = manager.id();
            assertEquals(expected.toString(), id);
            JsonNode parsed = Json.parse(id.getBytes(StandardCharsets.UTF_8));
            assertEquals(manager.name(), parsed.get("manager").asText());
            assertEquals(expected, parsed);
        }
    }
}
