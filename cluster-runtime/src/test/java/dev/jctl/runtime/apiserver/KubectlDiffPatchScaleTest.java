package dev.jctl.runtime.apiserver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code kubectl diff} (a server-side dry-run PATCH, or POST for a new object), {@code kubectl patch} with each
 * patch type and {@code kubectl scale} through the scale subresource of each built-in kind that has one.
 */
class KubectlDiffPatchScaleTest extends KubectlAgainstCluster {
    private static final String DEPLOYMENT = """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: web
              namespace: NS
            spec:
              replicas: 2
              selector:
                matchLabels: {app: web}
              template:
                metadata:
                  labels: {app: web}
                spec:
                  containers:
                  - name: nginx
                    image: nginx:1.27
            """;

    private static JsonNode get(String... args) throws Exception {
        String[] command = new String[args.length + 3];
        command[0] = "get";
        System.arraycopy(args, 0, command, 1, args.length);
        command[args.length + 1] = "-o";
        command[args.length + 2] = "json";
        return TestCluster.JSON.readTree(ok(command).out());
    }

    private static Path write(String name, String yaml) throws Exception {
        Path file = dir.resolve(name);
        Files.writeString(file, yaml);
        return file;
    }

    @Test
    void diffIsQuietWhenEqualAndShowsTheChangeWithoutMakingIt() throws Exception {
        ok("create", "namespace", "df1");
        Path file = write("diff.yaml", DEPLOYMENT.replace("NS", "df1"));
        Kubectl.Result before = kubectl.run("diff", "-f", file.toString());
        assertEquals(1, before.exit(), before.describe());
        assertTrue(before.out().contains("+  name: web"), before.out());

        ok("apply", "-f", file.toString());
        Kubectl.Result same = kubectl.run("diff", "-f", file.toString());
        assertEquals(0, same.exit(), same.describe());
        assertEquals("", same.out());

        Files.writeString(file, DEPLOYMENT.replace("NS", "df1").replace("nginx:1.27", "nginx:1.28")
                .replace("replicas: 2", "replicas: 4"));
        Kubectl.Result changed = kubectl.run("diff", "-f", file.toString());
        assertEquals(1, changed.exit(), changed.describe());
        List<String> lines = changed.out().lines().toList();
        assertTrue(lines.get(0).startsWith("diff -u -N "), changed.out());
        assertTrue(lines.contains("-  replicas: 2") && lines.contains("+  replicas: 4"), changed.out());
        assertTrue(lines.contains("-      - image: nginx:1.27") && lines.contains("+      - image: nginx:1.28"),
                changed.out());
        assertTrue(lines.contains("-  generation: 1") && lines.contains("+  generation: 2"), changed.out());

        JsonNode live = get("deployment", "web", "-n", "df1");
        assertEquals(2, live.path("spec").path("replicas").asInt(), "a diff must not change the live object");
        assertEquals(1, live.path("metadata").path("generation").asInt());
    }

    @Test
    void patchWithEachType() throws Exception {
        ok("create", "namespace", "pt1");
        ok("apply", "-f", write("patch.yaml", DEPLOYMENT.replace("NS", "pt1")).toString());

        assertEquals("deployment.apps/web patched", ok("patch", "deployment", "web", "-n", "pt1", "--type=json",
                "-p", "[{\"op\":\"replace\",\"path\":\"/spec/replicas\",\"value\":3},"
                        + "{\"op\":\"add\",\"path\":\"/metadata/labels\",\"value\":{\"tier\":\"front\"}}]")
                .out().trim());
        assertEquals("deployment.apps/web patched", ok("patch", "deployment", "web", "-n", "pt1", "--type=merge",
                "-p", "{\"metadata\":{\"labels\":{\"tier\":null,\"team\":\"web\"}}}").out().trim());
        // strategic merge adds a container by its name, keeping the existing one, where a merge patch would replace
        assertEquals("deployment.apps/web patched", ok("patch", "deployment", "web", "-n", "pt1", "-p",
                "{\"spec\":{\"template\":{\"spec\":{\"containers\":[{\"name\":\"sidecar\",\"image\":\"envoy:1\"}]}}}}")
                .out().trim());
        assertEquals("deployment.apps/web patched (no change)", ok("patch", "deployment", "web", "-n", "pt1",
                "--type=strategic", "-p", "{\"spec\":{\"replicas\":3}}").out().trim());

        JsonNode live = get("deployment", "web", "-n", "pt1");
        assertEquals(3, live.path("spec").path("replicas").asInt());
        assertEquals("{\"team\":\"web\"}", live.path("metadata").path("labels").toString());
        List<String> containers = live.path("spec").path("template").path("spec").path("containers")
                .findValuesAsText("name");
        assertEquals(List.of("sidecar", "nginx"), containers);
        assertEquals(3, live.path("metadata").path("generation").asInt());

        Kubectl.Result missing = kubectl.run("patch", "deployment", "nope", "-n", "pt1", "--type=merge", "-p", "{}");
        assertEquals(1, missing.exit());
        assertEquals("Error from server (NotFound): deployments.apps \"nope\" not found", missing.err().trim());
        Kubectl.Result badPath = kubectl.run("patch", "deployment", "web", "-n", "pt1", "--type=json", "-p",
                "[{\"op\":\"remove\",\"path\":\"/spec/paused\"}]");
        assertEquals(1, badPath.exit(), badPath.describe());
        assertEquals("The request is invalid: the server rejected our request due to an error in our request",
                badPath.err().trim());
    }

    @Test
    void scaleEachKindThroughItsScaleSubresource() throws Exception {
        ok("create", "namespace", "sc1");
        ok("apply", "-f", write("scale.yaml", DEPLOYMENT.replace("NS", "sc1") + """
                ---
                apiVersion: apps/v1
                kind: StatefulSet
                metadata: {name: db, namespace: sc1}
                spec:
                  serviceName: db
                  selector: {matchLabels: {app: db}}
                  template:
                    metadata: {labels: {app: db}}
                    spec: {containers: [{name: db, image: "postgres:16"}]}
                ---
                apiVersion: v1
                kind: ReplicationController
                metadata: {name: legacy, namespace: sc1}
                spec:
                  template:
                    metadata: {labels: {app: legacy}}
                    spec: {containers: [{name: app, image: "nginx:1.27"}]}
                """).toString());
        assertEquals("deployment.apps/web scaled", ok("scale", "deployment", "web", "-n", "sc1", "--replicas=5")
                .out().trim());
        assertEquals("statefulset.apps/db scaled", ok("scale", "statefulset", "db", "-n", "sc1", "--replicas=3")
                .out().trim());
        assertEquals("replicationcontroller/legacy scaled", ok("scale", "rc", "legacy", "-n", "sc1",
                "--current-replicas=1", "--replicas=2").out().trim());
        assertEquals(5, get("deployment", "web", "-n", "sc1").path("spec").path("replicas").asInt());
        assertEquals(3, get("statefulset", "db", "-n", "sc1").path("spec").path("replicas").asInt());
        JsonNode rc = get("rc", "legacy", "-n", "sc1");
        assertEquals(2, rc.path("spec").path("replicas").asInt());
        // core/v1 defaulting: the selector and labels come from the template
        assertEquals("{\"app\":\"legacy\"}", rc.path("spec").path("selector").toString());
        assertEquals("{\"app\":\"legacy\"}", rc.path("metadata").path("labels").toString());

        Kubectl.Result wrong = kubectl.run("scale", "deployment", "web", "-n", "sc1", "--current-replicas=2",
                "--replicas=1");
        assertEquals(1, wrong.exit(), wrong.describe());
        assertEquals("error: Expected replicas to be 2, was 5", wrong.err().trim());
        assertEquals(5, get("deployment", "web", "-n", "sc1").path("spec").path("replicas").asInt());
    }

    /** What makes kubectl's --current-replicas safe: its PUT of the Scale it read fails once the object moved on. */
    @Test
    void staleScaleUpdateIsAConflict() throws Exception {
        ok("create", "namespace", "sc2");
        ok("apply", "-f", write("stale.yaml", DEPLOYMENT.replace("NS", "sc2")).toString());
        String path = "/apis/apps/v1/namespaces/sc2/deployments/web/scale";
        JsonNode scale = cluster.get(path).body();
        assertEquals("Scale", scale.path("kind").asText());
        assertEquals("app=web", scale.path("status").path("selector").asText());
        ok("scale", "deployment", "web", "-n", "sc2", "--replicas=3");

        ((ObjectNode) scale.path("spec")).put("replicas", 7);
        TestCluster.Response stale = cluster.put(path, scale.toString());
        assertEquals(409, stale.code(), stale.raw());
        assertEquals("Conflict", stale.body().path("reason").asText());
        assertEquals("Operation cannot be fulfilled on deployments.apps \"web\": the object has been modified; "
                + "please apply your changes to the latest version and try again",
                stale.body().path("message").asText());
        assertEquals(3, get("deployment", "web", "-n", "sc2").path("spec").path("replicas").asInt());
    }
}
