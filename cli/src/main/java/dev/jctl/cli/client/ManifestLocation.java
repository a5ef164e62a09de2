package dev.jctl.cli.client;

import dev.jctl.diff.io.Manifest;

/** Where a manifest's object lives, found as kubectl's resource builder finds it for {@code -f}. */
public record ManifestLocation(ApiResource resource, String namespace) {
    /**
     * The manifest's resource through discovery and its namespace (the context's when the manifest names none),
     * refusing a namespace that contradicts {@code -n}; cluster-scoped objects have none.
     */
    public static ManifestLocation of(Manifest m, Discovery discovery, Connection connection) {
        ApiResource resource = discovery.forKind(m.apiVersion(), m.kind()).orElseThrow(() ->
                new IllegalArgumentException("resource mapping not found for name: \"" + m.name()
                        + "\" namespace: \"" + m.namespace() + "\" from \"" + m.source()
                        + "\": no matches for kind \"" + m.kind() + "\" in version \"" + m.apiVersion() + "\""));
        if (!resource.namespaced()) {
            return new ManifestLocation(resource, null);
        }
        String namespace = m.namespace().isEmpty() ? connection.namespace() : m.namespace();
        if (connection.namespaceEnforced() && !namespace.equals(connection.namespace())) {
            throw new IllegalArgumentException("the namespace from the provided object \"" + namespace
                    + "\" does not match the namespace \"" + connection.namespace()
                    + "\". You must pass '--namespace=" + namespace + "' to perform this operation.");
        }
        return new ManifestLocation(resource, namespace);
    }
}
