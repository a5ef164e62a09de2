package dev.jctl.runtime.apiserver.rest;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.function.UnaryOperator;

/**
 * What a client asked to see of each object (the object itself, or a Table row of it). Renderings with equal
 * {@code form} give equal output for the same object, so watchers of the same form share each event's bytes.
 */
public record Rendering(String form, UnaryOperator<JsonNode> render) implements UnaryOperator<JsonNode> {
    public static final Rendering OBJECT = new Rendering("object", UnaryOperator.identity());

    @Override
    public JsonNode apply(JsonNode object) {
        return render.apply(object);
    }
}
