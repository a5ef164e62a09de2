package dev.jctl.cli.apply.health;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.function.Function;

/** The health of one kind of object, computed from the object as the server has it (and related objects). */
public interface HealthRule {

    /**
     * @param related the objects, as currently known, that a query selects; a rule that asks for other objects
     *                (a Service its endpoints) is evaluated again whenever they change
     */
    Health evaluate(JsonNode object, Function<Related, List<JsonNode>> related);
}
