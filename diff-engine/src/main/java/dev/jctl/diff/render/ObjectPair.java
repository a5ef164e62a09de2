package dev.jctl.diff.render;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The two sides of an object diff; a null side means the object does not exist there (created or deleted).
 *
 * @param before the live object, or null
 * @param after  the object as it will be, or null
 */
public record ObjectPair(JsonNode before, JsonNode after) {
}
