package dev.jctl.runtime.apiserver.registry;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A kind's own checks and rewrites of an object about to be stored (upstream's strategy Validate plus, for custom
 * resources, structural pruning): called on create ({@code old} null) and on update of the main resource or its
 * status. Throws an {@code ApiException} (422 Invalid) to refuse the write.
 */
@FunctionalInterface
public interface Admission {
    Admission NONE = (object, old) -> {
    };

    void admit(ObjectNode object, ObjectNode old);
}
