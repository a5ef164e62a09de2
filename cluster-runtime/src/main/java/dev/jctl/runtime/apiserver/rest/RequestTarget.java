package dev.jctl.runtime.apiserver.rest;

import dev.jctl.runtime.apiserver.registry.KindInfo;

/**
 * What a resource URL names: the kind, the namespace ({@code null} for cluster-scoped kinds and for lists across
 * all namespaces), the object name ({@code null} for collections) and the subresource ({@code null} for the main
 * resource).
 */
public record RequestTarget(KindInfo kind, String namespace, String name, String subresource) {
    public boolean isCollection() {
        return name == null;
    }
}
