package dev.jctl.runtime.apiserver.openapi;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;

/**
 * What {@code fieldValidation} asks of a kind: the unknown and duplicate fields of a request, worded as
 * kube-apiserver's strict decoding errors ({@code unknown field "spec.foo"}), and the removal of the unknown ones.
 * Built-in kinds answer from their OpenAPI schema ({@link FieldValidator}), custom resources from their
 * structural schema.
 */
public interface UnknownFields {
    /** Unknown and duplicate fields of a JSON request body, in the order upstream reports them. */
    List<String> checkJson(byte[] body);

    /** Unknown fields of an object already decoded, for objects built from a patch rather than sent as is. */
    List<String> unknownFields(JsonNode object);

    /** Removes, in place, the fields {@link #unknownFields} reports. */
    void prune(JsonNode object);
}
