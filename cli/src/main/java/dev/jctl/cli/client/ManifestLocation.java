package dev.jctl.cli.client;

import dev.jctl.diff.io.GoStrings;
import dev.jctl.diff.io.Manifest;

/** Where a manifest's object lives, found as kubectl's resource builder finds it for {@code -f}. */
public record ManifestLocation(ApiResource resource, String namespace) {
    /**
     * The manifest's resource through discovery and its namespace (the context's when the manifest names none),
     * refusing a namespace that contradicts {@code -n}; cluster-scoped objects have none.
     *
     * @throws BuilderException with kubectl's message for a kind the server does not serve or a refused namespace
     */
    public static ManifestLocation of(Manifest m, Discovery discovery, Connection connection) {
        ApiResource resource = resource(m, discovery);
        return new ManifestLocation(resource, namespace(m, resource, connection));
    }

    /** @throws BuilderException kubectl's mapping error for a kind the server does not serve */
    public static ApiResource resource(Manifest m, Discovery discovery) {
        return discovery.forKind(m.apiVersion(), m.kind()).orElseThrow(() ->
                new BuilderException(BuilderException.Stage.READ, "resource mapping not found for name: "
                        + GoStrings.quote(m.name()) + " namespace: " + GoStrings.quote(m.namespace()) + " from "
                        + GoStrings.quote(m.source()) + ": no matches for kind " + GoStrings.quote(m.kind())
                        + " in version " + GoStrings.quote(m.apiVersion()) + "\nensure CRDs are installed first"));
    }

    /**
     * The namespace of the manifest's object, null for a cluster-scoped resource.
     *
     * @throws BuilderException kubectl's error for a namespace that contradicts {@code -n}
     */
    public static String namespace(Manifest m, ApiResource resource, Connection connection) {
        if (!resource.namespaced()) {
            return null;
        }
        String namespace = m.namespace().isEmpty() ? connection.namespace() : m.namespace();
        if (connection.namespaceEnforced() && !namespace.equals(connection.namespace())) {
            throw new BuilderException(BuilderException.Stage.VISIT, "the namespace from the provided object "
                    + GoStrings.quote(namespace) + " does not match the namespace "
                    + GoStrings.quote(connection.namespace()) + ". You must pass '--namespace=" + namespace
                    + "' to perform this operation.");
        }
        return namespace;
    }
}
