package dev.jctl.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Properties;

/**
 * What this jctl binary is: its version, the commit it was built from (written at build time by
 * git-commit-id-maven-plugin, absent when built outside a git checkout) and the Java it runs on.
 *
 * @param version    the Maven project version, e.g. {@code 0.1.0-SNAPSHOT}
 * @param gitCommit  full commit id, or {@code unknown}
 * @param treeState  {@code clean}, {@code dirty} (uncommitted changes were built in) or {@code unknown}
 * @param javaVersion the running Java's version, e.g. {@code 17.0.15}
 * @param javaVendor the running Java's vendor
 * @param platform   {@code os/arch} in Go's words, e.g. {@code linux/amd64}, as kubectl reports it
 */
public record BuildInfo(String version, String gitCommit, String treeState, String javaVersion, String javaVendor,
                        String platform) {
    static final String UNKNOWN = "unknown";

    public static BuildInfo current() {
        Properties version = resource("version.properties");
        Properties git = resource("git.properties");
        String dirty = git.getProperty("git.dirty");
        return new BuildInfo(
                version.getProperty("version", UNKNOWN),
                git.getProperty("git.commit.id.full", UNKNOWN),
                dirty == null ? UNKNOWN : Boolean.parseBoolean(dirty) ? "dirty" : "clean",
                System.getProperty("java.version"),
                System.getProperty("java.vendor"),
                goOs() + "/" + goArch());
    }

    private static Properties resource(String name) {
        Properties properties = new Properties();
        try (InputStream in = BuildInfo.class.getResourceAsStream(name)) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read build information " + name, e);
        }
        return properties;
    }

    private static String goOs() {
        String os = System.getProperty("os.name").toLowerCase(Locale.ROOT);
        return os.startsWith("mac") ? "darwin" : os.startsWith("windows") ? "windows" : os.replace(' ', '-');
    }

    private static String goArch() {
        String arch = System.getProperty("os.arch");
        return switch (arch) {
            case "x86_64", "amd64" -> "amd64";
            case "aarch64" -> "arm64";
            case "x86", "i386", "i686" -> "386";
            default -> arch;
        };
    }
}
