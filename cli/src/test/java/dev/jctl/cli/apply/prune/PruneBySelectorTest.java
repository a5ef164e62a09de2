package dev.jctl.cli.apply.prune;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jctl.cli.testing.CommandRun;
import dev.jctl.cli.testing.SideBySide;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code apply --prune -l}: the same sequence of directories applied by kubectl into k-NS and by jctl into j-NS,
 * with objects around that must survive (outside the selector, made without apply, of a kind not allowlisted,
 * in another namespace).
 */
class PruneBySelectorTest extends SideBySide {
    static String configMap(String name, String app) {
        return "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: " + name + "\n  labels:\n    app: " + app
                + "\ndata:\n  k: v\n";
    }

    static String deployment(String name) {
        return """
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: %s
                  labels:
                    app: web
                spec:
                  selector:
                    matchLabels:
                      app: web
                  template:
                    metadata:
                      labels:
                        app: web
                    spec:
                      containers:
                      - name: c
                        image: nginx
                """.formatted(name);
    }

    static String service(String name) {
        return "apiVersion: v1\nkind: Service\nmetadata:\n  name: " + name + "\n  labels:\n    app: web\n"
                + "spec:\n  ports:\n  - port: 80\n";
    }

    /** A directory holding exactly these files (name → content). */
    static Path directory(String name, String... namesAndContents) throws IOException {
        Path d = dir.resolve(name);
        Files.createDirectories(d);
        try (var files = Files.list(d)) {
            for (Path f : files.toList()) {
                Files.delete(f);
            }
        }
        for (int i = 0; i < namesAndContents.length; i += 2) {
            Files.writeString(d.resolve(namesAndContents[i]), namesAndContents[i + 1]);
        }
        return d;
    }

    private CommandRun kubectlOk(String... args) {
        CommandRun run = kubectl().run(dir, List.of(args));
        assertEquals(0, run.exit(), run.describe());
        return run;
    }

    /** Runs {@code apply <args>} with kubectl in k-NS and jctl in j-NS; returns {kubectl, jctl}. */
    private CommandRun[] both(String namespace, String... args) {
        List<String> kubectlArgs = new ArrayList<>(List.of("apply"));
        kubectlArgs.addAll(List.of(args));
        kubectlArgs.add("--namespace=k-" + namespace);
        List<String> jctlArgs = new ArrayList<>(List.of("apply"));
        jctlArgs.addAll(List.of(args));
        jctlArgs.add("--namespace=j-" + namespace);
        CommandRun expected = kubectl().run(dir, kubectlArgs);
        CommandRun actual = jctl().run(jctlArgs);
        assertEquals(expected.exit(), actual.exit(), "kubectl: " + expected.describe() + "\njctl: " + actual.describe());
        return new CommandRun[]{expected, actual};
    }

    private void assertSameOutput(String namespace, String... args) {
        CommandRun[] runs = both(namespace, args);
        assertEquals(runs[0].out(), runs[1].out(), "kubectl: " + runs[0].describe() + "\njctl: " + runs[1].describe());
    }

    /** {@code kubectl get -o name}, without the CA ConfigMap a cluster may put in every namespace. */
    private String names(String namespace, String types) {
        return kubectlOk("get", types, "-n", namespace, "-o", "name").out().replace("configmap/kube-root-ca.crt\n", "");
    }

    @Test
    void prunesExactlyWhatWasDroppedWithKubectlsOutputLines() throws IOException {
        for (String prefix : List.of("k-", "j-")) {
            kubectlOk("create", "namespace", prefix + "sel");
            kubectlOk("create", "namespace", prefix + "other");
            // Survivors: outside the selector, made without apply, not an allowlisted kind, in another namespace.
            Path extra = directory("extra-" + prefix, "outside.yaml", configMap("outside", "other"),
                    "sa.yaml", "apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: robot\n  labels:\n    app: web\n");
            kubectlOk("apply", "-f", extra.toString(), "-n", prefix + "sel");
            kubectlOk("create", "configmap", "manual", "-n", prefix + "sel");
            kubectlOk("label", "configmap", "manual", "app=web", "-n", prefix + "sel");
            kubectlOk("apply", "-f", directory("elsewhere-" + prefix, "e.yaml", configMap("elsewhere", "web")).toString(),
                    "-n", prefix + "other");
        }
        Path app = directory("app", "a.yaml", configMap("a", "web"), "b.yaml", configMap("b", "web"),
                "w.yaml", deployment("d"), "s.yaml", service("s"));
        assertSameOutput("sel", "-f", app.toString(), "--prune", "-l", "app=web");

        directory("app", "a.yaml", configMap("a", "web"), "w.yaml", deployment("d"), "s.yaml", service("s"));
        assertSameOutput("sel", "-f", app.toString(), "--prune", "-l", "app=web", "--dry-run=client");
        assertSameOutput("sel", "-f", app.toString(), "--prune", "-l", "app=web", "--dry-run=server");
        assertSameOutput("sel", "-f", app.toString(), "--prune", "-l", "app=web");
        assertEquals("configmap/a\nconfigmap/manual\nconfigmap/outside\n", names("j-sel", "configmaps"),
                "only b is gone");

        // Two kinds at once: the same lines, but jctl deletes the Deployment before the Service it uses.
        directory("app", "a.yaml", configMap("a", "web"));
        CommandRun[] runs = both("sel", "-f", app.toString(), "--prune", "-l", "app=web");
        List<String> expected = Arrays.stream(runs[0].out().split("\n")).sorted().toList();
        List<String> actual = Arrays.stream(runs[1].out().split("\n")).sorted().toList();
        assertEquals(expected, actual, runs[0].describe() + "\n" + runs[1].describe());
        String out = runs[1].out();
        assertTrue(out.indexOf("deployment.apps/d pruned") < out.indexOf("service/s pruned"), out);

        for (String prefix : List.of("k-", "j-")) {
            assertEquals("", names(prefix + "sel", "deployments,services"), prefix);
            String configMaps = names(prefix + "sel", "configmaps");
            for (String survivor : List.of("configmap/a", "configmap/manual", "configmap/outside")) {
                assertTrue(configMaps.contains(survivor + "\n"), prefix + ": " + configMaps);
            }
            assertTrue(names(prefix + "sel", "serviceaccounts").contains("serviceaccount/robot\n"), prefix);
            assertEquals("configmap/elsewhere\n", names(prefix + "other", "configmaps"), prefix);
        }
    }

    @Test
    void anAllowlistLimitsWhatIsPruned() throws IOException {
        for (String prefix : List.of("k-", "j-")) {
            kubectlOk("create", "namespace", prefix + "allow");
        }
        Path app = directory("allow", "c.yaml", configMap("c", "web"), "s.yaml", service("s2"),
                "k.yaml", configMap("keep", "web"));
        assertSameOutput("allow", "-f", app.toString(), "--prune", "-l", "app=web");
        directory("allow", "k.yaml", configMap("keep", "web"));
        assertSameOutput("allow", "-f", app.toString(), "--prune", "-l", "app=web", "--prune-allowlist=core/v1/Service");
        for (String prefix : List.of("k-", "j-")) {
            assertEquals("", names(prefix + "allow", "services"), prefix);
            assertTrue(names(prefix + "allow", "configmaps").contains("configmap/c\n"), prefix);
        }
    }

    @Test
    void anEmptyInputIsRefusedUnlessAllowed() throws IOException {
        kubectlOk("create", "namespace", "empty");
        Path app = directory("full", "a.yaml", configMap("a", "web"), "o.yaml", configMap("o", "other"));
        CommandRun first = jctl().run("apply", "-f", app.toString(), "--prune", "-l", "app=web", "-n", "empty");
        assertEquals("configmap/a created\n", first.out(), first.describe());

        Path empty = directory("nothing");
        CommandRun refused = jctl().run("apply", "-f", empty.toString(), "--prune", "-l", "app=web", "-n", "empty");
        assertEquals(1, refused.exit(), refused.describe());
        assertEquals("error: no objects passed to apply; refusing to prune every object selected by -l app=web "
                + "(pass --prune-allow-empty to apply nothing and prune them all)\n", refused.err());
        // Objects in the input that the selector does not pick count as none too.
        CommandRun unselected = jctl().run("apply", "-f", directory("others", "o.yaml", configMap("o", "other"))
                .toString(), "--prune", "-l", "app=web", "-n", "empty");
        assertEquals(1, unselected.exit(), unselected.describe());
        assertTrue(names("empty", "configmaps").contains("configmap/a\n"));

        CommandRun allowed = jctl().run("apply", "-f", empty.toString(), "--prune", "-l", "app=web", "-n", "empty",
                "--prune-allow-empty");
        assertEquals(0, allowed.exit(), allowed.describe());
        assertEquals("configmap/a pruned\n", allowed.out());
        assertEquals("", names("empty", "configmaps"), "a is pruned and o was never applied");
    }

    @Test
    void pruneFlagsAreCheckedLikeKubectls() {
        CommandRun noSelector = jctl().run("apply", "-f", dir.toString(), "--prune");
        assertEquals(1, noSelector.exit());
        assertTrue(noSelector.err().startsWith("error: all resources selected for prune without explicitly passing "
                + "--all."), noSelector.err());
        CommandRun both = jctl().run("apply", "-f", dir.toString(), "--prune", "--all", "-l", "a=b");
        assertEquals("error: cannot set --all and --selector at the same time\n", both.err());
    }
}
