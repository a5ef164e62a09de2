package dev.jctl.runtime.apiserver;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code kubectl apply --server-side} against the runtime: create, re-apply, conflict after a scale, force. */
class ServerSideApplyKubectlTest extends KubectlAgainstCluster {
    private static Path manifest(String name, int replicas) throws IOException {
        return Files.writeString(dir.resolve(name + "-" + replicas + ".yaml"), """
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: %s
                spec:
                  replicas: %d
                  selector: {matchLabels: {app: %s}}
                  template:
                    metadata: {labels: {app: %s}}
                    spec:
                      containers:
                      - name: web
                        image: nginx:1.27
                """.formatted(name, replicas, name, name));
    }

    @Test
    void applyScaleConflictAndForce() throws IOException {
        String file = manifest("ssa", 2).toString();
        assertEquals("deployment.apps/ssa serverside-applied", ok("apply", "--server-side", "-f", file).out().trim());
        assertEquals("deployment.apps/ssa serverside-applied", ok("apply", "--server-side", "-f", file).out().trim());

        ok("scale", "deployment/ssa", "--replicas=5");
        String managed = ok("get", "deployment", "ssa", "-o", "yaml", "--show-managed-fields").out();
        assertTrue(managed.contains("manager: kubectl\n") && managed.contains("operation: Apply"), managed);
        assertTrue(managed.contains("operation: Update") && managed.contains("subresource: scale"), managed);

        Kubectl.Result conflict = kubectl.run("apply", "--server-side", "-f", file);
        assertEquals(1, conflict.exit(), conflict::describe);
        assertTrue(conflict.err().contains("error: Apply failed with 1 conflict: conflict with \"kubectl\" with"
                + " subresource \"scale\" using apps/v1: .spec.replicas"), conflict::describe);
        assertTrue(conflict.err().contains("--force-conflicts"), "kubectl explains the way out: " + conflict.err());

        assertEquals("deployment.apps/ssa serverside-applied",
                ok("apply", "--server-side", "--force-conflicts", "-f", file).out().trim());
        assertEquals("2", ok("get", "deployment", "ssa", "-o", "jsonpath={.spec.replicas}").out());
        String after = ok("get", "deployment", "ssa", "-o", "yaml", "--show-managed-fields").out();
        assertTrue(!after.contains("subresource: scale"), "the scaler lost its only field:\n" + after);
    }

    @Test
    void clientSideApplyThenServerSideApplyConflictsWithTheClientSideManager() throws IOException {
        ok("apply", "-f", manifest("csa", 1).toString());
        Kubectl.Result conflict = kubectl.run("apply", "--server-side", "-f", manifest("csa", 3).toString());
        assertEquals(1, conflict.exit(), conflict::describe);
        assertTrue(conflict.err().contains(
                "conflict with \"kubectl-client-side-apply\" using apps/v1: .spec.replicas"), conflict::describe);
    }
}
