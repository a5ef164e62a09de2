package dev.jctl.cli.command;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jctl.cli.BuildInfo;

/** The {@code -o json|yaml} form of {@code jctl version}: kubectl's field names where they mean the same. */
final class VersionDocument {
    private VersionDocument() {
    }

    /**
     * javaVersion and javaVendor stand where kubectl has goVersion and compiler. Declared as {@link JsonNode},
     * the type the writers take, so the bytecode verifier of {@link VersionCommand} need not load Jackson's
     * node classes to check a subtype on every {@code jctl version}.
     */
    static JsonNode of(BuildInfo info) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        String[] parts = info.version().split("[.-]");
        root.putObject("clientVersion")
                .put("major", parts[0])
                .put("minor", parts.length > 1 ? parts[1] : "")
                .put("gitVersion", "v" + info.version())
                .put("gitCommit", info.gitCommit())
                .put("gitTreeState", info.treeState())
                .put("javaVersion", info.javaVersion())
                .put("javaVendor", info.javaVendor())
                .put("platform", info.platform());
        return root;
    }
}
