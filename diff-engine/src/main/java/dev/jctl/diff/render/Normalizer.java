package dev.jctl.diff.render;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * Prepares the two sides of a diff so that it shows what a user changed, not what the server keeps for itself.
 * Inputs are never modified; the result holds copies. Build one with {@link #builder()}; {@link #kubectlDiff()}
 * is what {@code kubectl diff} does by default.
 */
public final class Normalizer {
    private static final List<String> SERVER_METADATA =
            List.of("resourceVersion", "uid", "creationTimestamp", "generation", "selfLink");

    private final boolean dropManagedFields;
    private final boolean dropStatus;
    private final boolean dropServerMetadata;
    private final boolean maskSecrets;

    private Normalizer(Builder builder) {
        this.dropManagedFields = builder.dropManagedFields;
        this.dropStatus = builder.dropStatus;
        this.dropServerMetadata = builder.dropServerMetadata;
        this.maskSecrets = builder.maskSecrets;
    }

    /** Nothing dropped, nothing masked, until asked. */
    public static Builder builder() {
        return new Builder();
    }

    /** {@code kubectl diff} without flags: managedFields dropped, Secret values masked. */
    public static Normalizer kubectlDiff() {
        return builder().dropManagedFields(true).maskSecrets(true).build();
    }

    /** Either side may be null (an object being created or deleted). */
    public ObjectPair normalize(JsonNode before, JsonNode after) {
        JsonNode left = clean(before);
        JsonNode right = clean(after);
        if (maskSecrets && (isSecret(right) || right == null && isSecret(left))) {
            SecretMasker.mask(left instanceof ObjectNode l ? l : null, right instanceof ObjectNode r ? r : null);
        }
        return new ObjectPair(left, right);
    }

    /** One object on its own (no Secret masking, which needs both sides). */
    public JsonNode normalize(JsonNode object) {
        return clean(object);
    }

    private JsonNode clean(JsonNode object) {
        if (object == null || object.isNull() || object.isMissingNode()) {
            return null;
        }
        JsonNode copy = object.deepCopy();
        if (!(copy instanceof ObjectNode root)) {
            return copy;
        }
        if (dropStatus) {
            root.remove("status");
        }
        if (root.get("metadata") instanceof ObjectNode metadata) {
            if (dropManagedFields) {
                metadata.remove("managedFields");
            }
            if (dropServerMetadata) {
                metadata.remove(SERVER_METADATA);
            }
        }
        return root;
    }

    /** kubectl masks only core v1 Secrets. */
    private static boolean isSecret(JsonNode object) {
        return object instanceof ObjectNode && "v1".equals(object.path("apiVersion").asText())
                && "Secret".equals(object.path("kind").asText());
    }

    public static final class Builder {
        private boolean dropManagedFields;
        private boolean dropStatus;
        private boolean dropServerMetadata;
        private boolean maskSecrets;

        private Builder() {
        }

        public Builder dropManagedFields(boolean drop) {
            this.dropManagedFields = drop;
            return this;
        }

        public Builder dropStatus(boolean drop) {
            this.dropStatus = drop;
            return this;
        }

        /** metadata resourceVersion, uid, creationTimestamp, generation and selfLink. */
        public Builder dropServerMetadata(boolean drop) {
            this.dropServerMetadata = drop;
            return this;
        }

        /** Secret {@code data} and {@code stringData} values become {@code ***} like kubectl diff shows them. */
        public Builder maskSecrets(boolean mask) {
            this.maskSecrets = mask;
            return this;
        }

        public Normalizer build() {
            return new Normalizer(this);
        }
    }
}
