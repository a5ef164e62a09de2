package dev.jctl.runtime.apiserver;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * What kubectl 1.32 prints when a manifest or a patch gives a built-in kind's field the wrong JSON type: the
 * server's decoding errors, as kube-apiserver 1.32 words them, through kubectl's own error printing.
 */
class KubectlTypeErrorsTest extends KubectlAgainstCluster {
    private static final String REPLICAS_STRING = "json: cannot unmarshal string into Go struct field"
            + " DeploymentSpec.spec.replicas of type int32";

    private static Path manifest(String name, String replicas) throws IOException {
        Path file = dir.resolve(name + ".yaml");
        Files.writeString(file, """
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: %s
                spec:
                  replicas: %s
                  selector:
                    matchLabels:
                      app: %s
                  template:
                    metadata:
                      labels:
                        app: %s
                    spec:
                      containers:
                      - name: web
                        image: nginx
                """.formatted(name, replicas, name, name));
        return file;
    }

    private static void assertFails(Kubectl.Result result, String stderr) {
        assertEquals(1, result.exit(), result.describe());
        assertEquals("", result.out(), result.describe());
        assertEquals(stderr, result.err(), result.describe());
    }

    @Test
    void createOfAStringReplicasIsABadRequest() throws IOException {
        Path file = manifest("created", "\"3\"");
        assertFails(kubectl.run("create", "-f", file.toString()), "Error from server (BadRequest): error when"
                + " creating \"" + file + "\": Deployment in version \"v1\" cannot be handled as a Deployment: "
                + REPLICAS_STRING + "\n");
        assertEquals(1, kubectl.run("get", "deployment", "created").exit(), "nothing was created");
    }

    @Test
    void clientSideApplyCreatesWithTheSameError() throws IOException {
        Path file = manifest("applied", "\"3\"");
        assertFails(kubectl.run("apply", "-f", file.toString()), "Error from server (BadRequest): error when"
                + " creating \"" + file + "\": Deployment in version \"v1\" cannot be handled as a Deployment: "
                + REPLICAS_STRING + "\n");
    }

    @Test
    void serverSideApplyFailsTypingThePatch() throws IOException {
        Path file = manifest("ssa", "\"3\"");
        // kubectl's server-side apply prints the server's error without naming the file
        assertFails(kubectl.run("apply", "--server-side", "-f", file.toString()), "Error from server: failed to"
                + " create typed patch object (default/ssa; apps/v1, Kind=Deployment): .spec.replicas: expected"
                + " numeric (int or float), got string\n");
    }

    @Test
    void strategicPatchOfAStringReplicasIsInvalid() throws IOException {
        ok("create", "-f", manifest("patched", "1").toString());
        assertFails(kubectl.run("patch", "deployment", "patched", "-p", "{\"spec\":{\"replicas\":\"x\"}}"),
                "The request is invalid: patch: Invalid value: \"map[spec:map[replicas:x]]\": unrecognized type:"
                        + " int32\n");
        assertEquals("1", ok("get", "deployment", "patched", "-o", "jsonpath={.spec.replicas}").out());
    }
}
