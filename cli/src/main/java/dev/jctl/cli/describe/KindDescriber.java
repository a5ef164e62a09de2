package dev.jctl.cli.describe;

import com.fasterxml.jackson.databind.JsonNode;

/** Describes objects of one kind (or family of kinds), as kubectl's describer for it does. */
interface KindDescriber {
    /**
     * Writes the description of {@code object} (as just read from the server, with kind and apiVersion), asking
     * the cluster for related objects and events through {@code context}.
     */
    void describe(DescribeContext context, JsonNode object, PrefixWriter w);
}
