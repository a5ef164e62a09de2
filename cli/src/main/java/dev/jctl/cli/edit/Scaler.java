package dev.jctl.cli.edit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jctl.cli.client.ApiException;
import dev.jctl.cli.client.ApiResource;
import dev.jctl.cli.client.Connection;
import dev.jctl.cli.client.Discovery;
import dev.jctl.diff.io.JsonWriter;

/**
 * {@code scale}: sets {@code spec.replicas} through the object's {@code /scale} subresource, as kubectl's
 * scaler does — a merge patch without preconditions, else a read, a check and an update carrying the read
 * resourceVersion, so a concurrent change fails the write instead of being overwritten.
 */
public final class Scaler {
    /** kubectl retries a scale that hit a conflict (its ScaleCondition); a bound keeps a busy object from spinning. */
    private static final int MAX_CONFLICT_RETRIES = 5;

    private final Connection connection;
    private final Discovery discovery;

    public Scaler(Connection connection, Discovery discovery) {
        this.connection = connection;
        this.discovery = discovery;
    }

    /**
     * @param currentReplicas -1 for no check
     * @param resourceVersion null for no check
     */
    public record Preconditions(int currentReplicas, String resourceVersion) {
        public static final Preconditions NONE = new Preconditions(-1, null);

        boolean any() {
            return currentReplicas >= 0 || resourceVersion != null && !resourceVersion.isEmpty();
        }
    }

    /** The scale failed a precondition; kubectl's PreconditionError wording. */
    public static final class PreconditionException extends RuntimeException {
        PreconditionException(String what, String expected, String actual) {
            super("Expected " + what + " to be " + expected + ", was " + actual);
        }
    }

    /** An object to scale, known to exist. */
    public record Target(ApiResource resource, String name) {
    }

    /**
     * Reads {@code type}/{@code name} in the connection's namespace, as kubectl's resource builder does before
     * scaling; throws {@link ApiException} (NotFound for a missing object).
     */
    public Target find(String type, String name) {
        ApiResource resource = Resources.resolve(discovery, type);
        connection.get(resource.objectPath(connection.namespace(), name));
        return new Target(resource, name);
    }

    /** Scales the target and returns kubectl's line, {@code deployment.apps/web scaled}. */
    public String scale(Target target, int replicas, Preconditions preconditions) {
        String path = target.resource().objectPath(connection.namespace(), target.name()) + "/scale";
        for (int attempt = 0; ; attempt++) {
            try {
                write(path, replicas, preconditions);
                return target.resource().qualifiedKind() + "/" + target.name() + " scaled";
            } catch (ApiException e) {
                if (!e.isConflict() || attempt >= MAX_CONFLICT_RETRIES) {
                    throw e;
                }
            }
        }
    }

    private void write(String scalePath, int replicas, Preconditions preconditions) {
        if (!preconditions.any()) {
            connection.send(new Connection.Request("PATCH", scalePath, "application/merge-patch+json",
                    "{\"spec\":{\"replicas\":" + replicas + "}}", "application/json"));
            return;
        }
        JsonNode scale = connection.get(scalePath);
        int actual = scale.path("spec").path("replicas").asInt(0);
        if (preconditions.currentReplicas() >= 0 && actual != preconditions.currentReplicas()) {
            throw new PreconditionException("replicas", String.valueOf(preconditions.currentReplicas()),
                    String.valueOf(actual));
        }
        String version = scale.path("metadata").path("resourceVersion").asText();
        if (preconditions.resourceVersion() != null && !preconditions.resourceVersion().isEmpty()
                && !version.equals(preconditions.resourceVersion())) {
            throw new PreconditionException("resource version", preconditions.resourceVersion(), version);
        }
        ObjectNode updated = scale.deepCopy();
        updated.with("spec").put("replicas", replicas);
        connection.send(new Connection.Request("PUT", scalePath, "application/json", JsonWriter.marshal(updated),
                "application/json"));
    }
}
