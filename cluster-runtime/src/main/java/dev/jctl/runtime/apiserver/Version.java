package dev.jctl.runtime.apiserver;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * {@code /version}: the Kubernetes version whose API this server implements, so that kubectl's version-skew
 * check and fabric8's version parsing see a v1.32 server.
 */
final class Version {
    static final String MAJOR = "1";
    static final String MINOR = "32";

    private Version() {
    }

    static ObjectNode document() {
        ObjectNode doc = Json.object();
        doc.put("major", MAJOR).put("minor", MINOR)
                .put("gitVersion", "v" + MAJOR + "." + MINOR + ".0+jctl")
                .put("gitCommit", "0000000000000000000000000000000000000000")
                .put("gitTreeState", "clean")
                .put("buildDate", "2026-01-01T00:00:00Z")
                .put("goVersion", "java" + Runtime.version().feature())
                .put("compiler", "javac")
                .put("platform", System.getProperty("os.name").toLowerCase() + "/" + arch());
        return doc;
    }

    private static String arch() {
        String arch = System.getProperty("os.arch");
        return arch.equals("x86_64") || arch.equals("amd64") ? "amd64" : arch.equals("aarch64") ? "arm64" : arch;
    }
}
