package dev.jctl.runtime.apiserver.security;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class KubeconfigWriterTest {
    @TempDir
    Path dir;

    @SuppressWarnings("unchecked")
    private static Map<String, Object> load(Path file) throws Exception {
        return (Map<String, Object>) new Load(LoadSettings.builder().build()).loadFromString(Files.readString(file));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> entry(Map<String, Object> config, String list, String name) {
        for (Object e : (List<Object>) config.get(list)) {
            Map<String, Object> m = (Map<String, Object>) e;
            if (name.equals(m.get("name"))) {
                return m;
            }
        }
        throw new AssertionError(name + " not in " + list);
    }

    @Test
    @SuppressWarnings("unchecked")
    void writesClusterUserAndContext() throws Exception {
        Path file = dir.resolve("kubeconfig");
        new KubeconfigWriter("https://127.0.0.1:6443", "PEM", "t0ken").write(file);
        Map<String, Object> config = load(file);
        assertEquals("jctl", config.get("current-context"));
        Map<String, Object> cluster = (Map<String, Object>) entry(config, "clusters", "jctl").get("cluster");
        assertEquals("https://127.0.0.1:6443", cluster.get("server"));
        assertEquals("PEM", new String(Base64.getDecoder().decode((String) cluster.get("certificate-authority-data")),
                StandardCharsets.UTF_8));
        assertEquals("t0ken", ((Map<String, Object>) entry(config, "users", "jctl").get("user")).get("token"));
        assertEquals(Map.of("cluster", "jctl", "user", "jctl"), entry(config, "contexts", "jctl").get("context"));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    }

    @Test
    @SuppressWarnings("unchecked")
    void mergesIntoAnExistingKubeconfigLikeKind() throws Exception {
        Path file = dir.resolve("config");
        Files.writeString(file, """
                apiVersion: v1
                kind: Config
                clusters:
                - name: prod
                  cluster: {server: https://prod.example.com}
                - name: jctl
                  cluster: {server: https://127.0.0.1:1111}
                users:
                - name: admin
                  user: {token: secret}
                contexts:
                - name: prod
                  context: {cluster: prod, user: admin}
                current-context: prod
                preferences: {colors: true}
                """);
        new KubeconfigWriter("https://127.0.0.1:2222", "PEM", "t").write(file);
        Map<String, Object> config = load(file);
        assertEquals("jctl", config.get("current-context"));
        assertEquals(2, ((List<Object>) config.get("clusters")).size(), "the stale jctl cluster is replaced");
        assertEquals("https://127.0.0.1:2222",
                ((Map<String, Object>) entry(config, "clusters", "jctl").get("cluster")).get("server"));
        assertEquals("https://prod.example.com",
                ((Map<String, Object>) entry(config, "clusters", "prod").get("cluster")).get("server"));
        assertEquals("secret", ((Map<String, Object>) entry(config, "users", "admin").get("user")).get("token"));
        assertEquals(Map.of("cluster", "prod", "user", "admin"), entry(config, "contexts", "prod").get("context"));
        assertEquals(Map.of("colors", true), config.get("preferences"));
    }
}
