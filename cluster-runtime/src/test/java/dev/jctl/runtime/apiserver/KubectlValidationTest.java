package dev.jctl.runtime.apiserver;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What kubectl users see of field validation and immutable fields, with the real kubectl. */
class KubectlValidationTest extends KubectlAgainstCluster {
    private static Path manifest(String name, String label, String extraSpec) throws IOException {
        Path file = dir.resolve(name + "-" + label + ".yaml");
        Files.writeString(file, """
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: %s
                spec:
                %s  selector:
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
                """.formatted(name, extraSpec, label, label));
        return file;
    }

    @Test
    void unknownFieldsFailByDefaultWarnOnRequestAndAreDroppedWhenNotValidated() throws IOException {
        Path strict = manifest("strict", "web", "  foo: 1\n");
        Kubectl.Result refused = kubectl.run("apply", "-f", strict.toString());
        assertEquals(1, refused.exit(), refused.describe());
        assertTrue(refused.err().contains("Error from server (BadRequest): error when creating \"" + strict
                + "\": Deployment in version \"v1\" cannot be handled as a Deployment: strict decoding error:"
                + " unknown field \"spec.foo\""), refused.describe());

        Kubectl.Result warned = kubectl.run("apply", "--validate=warn", "-f", manifest("warned", "web", "  foo: 1\n")
                .toString());
        assertEquals(0, warned.exit(), warned.describe());
        assertTrue(warned.err().contains("Warning: unknown field \"spec.foo\""), warned.describe());
        assertTrue(warned.out().contains("deployment.apps/warned created"), warned.describe());

        Kubectl.Result unchecked = kubectl.run("apply", "--validate=false", "-f",
                manifest("unchecked", "web", "  foo: 1\n").toString());
        assertEquals(0, unchecked.exit(), unchecked.describe());
        assertFalse(unchecked.err().contains("Warning"), unchecked.describe());
        Kubectl.Result stored = kubectl.run("get", "deployment", "unchecked", "-o", "jsonpath={.spec}");
        assertEquals(0, stored.exit(), stored.describe());
        assertFalse(stored.out().contains("foo"), "the server drops unknown fields: " + stored.out());
    }

    @Test
    void changingADeploymentSelectorIsRefused() throws IOException {
        Kubectl.Result created = kubectl.run("apply", "-f", manifest("pinned", "one", "").toString());
        assertEquals(0, created.exit(), created.describe());
        Kubectl.Result changed = kubectl.run("apply", "-f", manifest("pinned", "two", "").toString());
        assertEquals(1, changed.exit(), changed.describe());
        assertTrue(changed.err().contains("The Deployment \"pinned\" is invalid: spec.selector: Invalid value:"
                + " v1.LabelSelector{MatchLabels:map[string]string{\"app\":\"two\"},"
                + " MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: field is immutable"), changed.describe());
    }

    private static Path service(String name, String type, int nodePort) throws IOException {
        return Files.writeString(dir.resolve(name + "-" + type + ".yaml"), """
                apiVersion: v1
                kind: Service
                metadata:
                  name: %s
                spec:
                  type: %s
                  selector: {app: web}
                  ports:
                  - port: 80
                    nodePort: %d
                """.formatted(name, type, nodePort));
    }

    @Test
    void aClusterIpServiceWithANodePortIsRefusedButSwitchingTypesKeepsWorking() throws IOException {
        Kubectl.Result refused = kubectl.run("apply", "-f", service("pinned-port", "ClusterIP", 30080).toString());
        assertEquals(1, refused.exit(), refused.describe());
        assertEquals("The Service \"pinned-port\" is invalid: spec.ports[0].nodePort: Forbidden: may not be used when"
                + " `type` is 'ClusterIP'\n", refused.err(), refused.describe());

        Kubectl.Result created = kubectl.run("apply", "-f", service("switching", "NodePort", 30081).toString());
        assertEquals(0, created.exit(), created.describe());
        // the manifest still says nodePort: 30081, but the patch kubectl sends only changes the type, and the node
        // port left as it was is dropped with it
        Kubectl.Result switched = kubectl.run("apply", "-f", service("switching", "ClusterIP", 30081).toString());
        assertEquals(0, switched.exit(), switched.describe());
        assertEquals("service/switching configured\n", switched.out());
        Kubectl.Result ports = kubectl.run("get", "service", "switching", "-o", "jsonpath={.spec.type} {.spec.ports}");
        assertEquals("ClusterIP [{\"port\":80,\"protocol\":\"TCP\",\"targetPort\":80}]", ports.out(), ports.describe());
    }
}
