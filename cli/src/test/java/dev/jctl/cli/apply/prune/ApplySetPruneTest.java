package dev.jctl.cli.apply.prune;

import static dev.jctl.cli.apply.prune.PruneBySelectorTest.configMap;
import static dev.jctl.cli.apply.prune.PruneBySelectorTest.deployment;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jctl.cli.testing.CommandRun;
import dev.jctl.cli.testing.SideBySide;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code apply --prune --applyset}: jctl's sets next to kubectl's (KUBECTL_APPLYSET=true), and each tool on the other's. */
class ApplySetPruneTest extends SideBySide {
    private static final Map<String, String> APPLYSET_ON = Map.of("KUBECTL_APPLYSET", "true");

    private CommandRun kubectlOk(String... args) {
        CommandRun run = kubectl().run(dir, APPLYSET_ON, List.of(args));
        assertEquals(0, run.exit(), run.describe());
        return run;
    }

    private CommandRun jctlOk(String... args) {
        CommandRun run = jctl().run(args);
        assertEquals(0, run.exit(), run.describe());
        return run;
    }

    private Path directory(String name, String... namesAndContents) throws IOException {
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

    private JsonNode get(String namespace, String object) throws IOException {
        return new ObjectMapper().readTree(kubectlOk("get", object, "-n", namespace, "-o", "json").out());
    }

    private String names(String namespace) {
        return kubectlOk("get", "configmaps,deployments", "-n", namespace, "-o", "name").out()
                .replace("configmap/kube-root-ca.crt\n", "");
    }

    @Test
    void aSetMadeByJctlIsTheSetKubectlMakesAndDroppedMembersArePruned() throws IOException {
        kubectlOk("create", "namespace", "k-set");
        kubectlOk("create", "namespace", "j-set");
        Path app = directory("set", "a.yaml", configMap("a", "web"), "b.yaml", configMap("b", "web"),
                "d.yaml", deployment("d"));
        CommandRun expected = kubectlOk("apply", "-f", app.toString(), "--prune", "--applyset=web", "-n", "k-set");
        CommandRun actual = jctlOk("apply", "-f", app.toString(), "--prune", "--applyset=web", "-n", "j-set");
        assertEquals(expected.out(), actual.out());

        JsonNode kubectlParent = get("k-set", "secret/web").path("metadata");
        JsonNode jctlParent = get("j-set", "secret/web").path("metadata");
        assertEquals(kubectlParent.path("annotations").path(ApplySet.GROUP_KINDS).asText(),
                jctlParent.path("annotations").path(ApplySet.GROUP_KINDS).asText());
        assertEquals("ConfigMap,Deployment.apps", jctlParent.path("annotations").path(ApplySet.GROUP_KINDS).asText());
        assertEquals("", jctlParent.path("annotations").path(ApplySet.NAMESPACES).asText("absent"));
        assertTrue(jctlParent.path("annotations").path(ApplySet.TOOLING).asText().startsWith("kubectl/"));
        // The id is kubectl's for the same parent: compute kubectl's own in k-set, and ours must differ only by namespace.
        String jctlId = jctlParent.path("labels").path(ApplySet.ID_LABEL).asText();
        assertTrue(jctlId.matches("applyset-[A-Za-z0-9_-]{43}-v1"), jctlId);
        assertEquals(jctlId, get("j-set", "configmap/a").path("metadata").path("labels")
                .path(ApplySet.PART_OF_LABEL).asText());

        directory("set", "a.yaml", configMap("a", "web"), "d.yaml", deployment("d"));
        expected = kubectlOk("apply", "-f", app.toString(), "--prune", "--applyset=web", "-n", "k-set");
        actual = jctlOk("apply", "-f", app.toString(), "--prune", "--applyset=web", "-n", "j-set");
        assertEquals(expected.out(), actual.out());
        assertTrue(actual.out().contains("configmap/b pruned\n"), actual.out());
        assertEquals("configmap/a\ndeployment.apps/d\n", names("j-set"));
        assertEquals(names("k-set"), names("j-set"));

        // kubectl takes over the set jctl made (same tooling base name, id and annotations) and prunes from it ...
        directory("set", "a.yaml", configMap("a", "web"));
        CommandRun kubectlOnJctlSet = kubectlOk("apply", "-f", app.toString(), "--prune", "--applyset=web", "-n",
                "j-set");
        assertTrue(kubectlOnJctlSet.out().contains("deployment.apps/d pruned\n"), kubectlOnJctlSet.describe());
        assertEquals("ConfigMap", get("j-set", "secret/web").path("metadata").path("annotations")
                .path(ApplySet.GROUP_KINDS).asText());
        // ... and jctl the other way round.
        directory("set", "c.yaml", configMap("c", "web"));
        CommandRun jctlOnKubectlSet = jctlOk("apply", "-f", app.toString(), "--prune", "--applyset=web", "-n", "j-set");
        assertEquals("configmap/c created\nconfigmap/a pruned\n", jctlOnKubectlSet.out());
        assertEquals("configmap/c\n", names("j-set"));
    }

    @Test
    void jctlComputesTheIdKubectlWroteAndAServerDryRunLeavesNoParent() throws IOException {
        kubectlOk("create", "namespace", "ids");
        Path app = directory("ids", "x.yaml", configMap("x", "web"));
        kubectlOk("apply", "-f", app.toString(), "--prune", "--applyset=configmaps/kset", "-n", "ids");
        String kubectlId = get("ids", "configmap/kset").path("metadata").path("labels").path(ApplySet.ID_LABEL).asText();
        // jctl checks the live parent's id against its own computation and refuses a mismatch.
        CommandRun jctlOnKset = jctlOk("apply", "-f", app.toString(), "--prune", "--applyset=configmaps/kset",
                "-n", "ids");
        assertEquals("configmap/x unchanged\n", jctlOnKset.out(), jctlOnKset.describe());
        assertEquals(kubectlId, get("ids", "configmap/x").path("metadata").path("labels")
                .path(ApplySet.PART_OF_LABEL).asText());

        jctlOk("apply", "-f", app.toString(), "--prune", "--applyset=configmaps/jset", "-n", "ids", "--dry-run=server");
        CommandRun absent = kubectl().run(dir, List.of("get", "configmap/jset", "-n", "ids"));
        assertEquals(1, absent.exit(), absent.describe());
    }

    @Test
    void anEmptyInputIsRefusedUnlessAllowed() throws IOException {
        kubectlOk("create", "namespace", "set-empty");
        Path app = directory("set-empty", "a.yaml", configMap("a", "web"));
        jctlOk("apply", "-f", app.toString(), "--prune", "--applyset=s", "-n", "set-empty");
        directory("set-empty");
        CommandRun refused = jctl().run("apply", "-f", app.toString(), "--prune", "--applyset=s", "-n", "set-empty");
        assertEquals(1, refused.exit(), refused.describe());
        assertEquals("error: no objects passed to apply; refusing to prune every member of ApplySet s "
                + "(pass --prune-allow-empty to apply nothing and prune them all)\n", refused.err());
        assertEquals("configmap/a\n", names("set-empty"));
        CommandRun allowed = jctlOk("apply", "-f", app.toString(), "--prune", "--applyset=s", "-n", "set-empty",
                "--prune-allow-empty");
        assertEquals("configmap/a pruned\n", allowed.out());
        assertEquals("", names("set-empty"));
        assertEquals("", get("set-empty", "secret/s").path("metadata").path("annotations")
                .path(ApplySet.GROUP_KINDS).asText("absent"));
    }

    @Test
    void aParentOfAnotherToolIsRefused() throws IOException {
        kubectlOk("create", "namespace", "foreign");
        kubectlOk("create", "secret", "generic", "helmset", "-n", "foreign");
        kubectlOk("annotate", "secret", "helmset", "-n", "foreign", ApplySet.TOOLING + "=helm/v3");
        Path app = directory("foreign", "a.yaml", configMap("a", "web"));
        CommandRun refused = jctl().run("apply", "-f", app.toString(), "--prune", "--applyset=helmset", "-n", "foreign");
        assertEquals(1, refused.exit(), refused.describe());
        assertEquals("error: ApplySet parent object \"secrets./helmset\" already exists and is managed by tooling "
                + "\"helm\" instead of \"kubectl\"\n", refused.err());
        assertEquals("", names("foreign"));
    }
}
