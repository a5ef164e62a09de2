package dev.jctl.cli.command;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jctl.cli.client.Connection;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jctl.cli.testing.CommandRun;
import dev.jctl.cli.testing.SideBySide;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * label and annotate side by side with the real kubectl against the project's API server: kubectl works in one
 * namespace, jctl in a twin, and after every command the output lines, exit code and the objects' labels and
 * annotations must be the same.
 */
class LabelAnnotateCommandsTest extends SideBySide {
    private static final String DEPLOYMENTS = """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: web
              labels:
                app: web
            spec:
              replicas: 2
              selector:
                matchLabels:
                  app: web
              template:
                metadata:
                  labels:
                    app: web
                spec:
                  containers:
                  - name: app
                    image: nginx:1.25
            ---
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: api
              labels:
                app: api
            spec:
              replicas: 1
              selector:
                matchLabels:
                  app: api
              template:
                metadata:
                  labels:
                    app: api
                spec:
                  containers:
                  - name: app
                    image: nginx:1.25
            """;

    /** Namespaces differ between the twins, and so do the identities and resourceVersions of their objects. */
    private static final UnaryOperator<String> TWINS = text -> text
            .replaceAll("\\b(label|note|pin)-[kj]\\b", "NS")
            .replaceAll("(resourceVersion\"?:\\s*\"?)\\d+", "$1RV")
            .replaceAll("(uid\"?:\\s*\"?)[0-9a-f-]+", "$1UID")
            .replaceAll("(creationTimestamp\"?:\\s*\"?)[0-9TZ:-]+", "$1TIME");

    private static Path twins(String prefix) throws Exception {
        Path file = dir.resolve(prefix + "-deployments.yaml");
        Files.writeString(file, DEPLOYMENTS);
        for (String namespace : List.of(prefix + "-k", prefix + "-j")) {
            CommandRun created = kubectl().run(dir, List.of("create", "namespace", namespace));
            assertEquals(0, created.exit(), created.describe());
            CommandRun applied = kubectl().run(dir, List.of("apply", "-f", file.toString(), "-n", namespace));
            assertEquals(0, applied.exit(), applied.describe());
        }
        return file;
    }

    private static void same(String prefix, String... args) {
        assertSame(prefix + "-k", prefix + "-j", TWINS, args);
    }

    /** The metadata map of a deployment in both twins must be equal. */
    private static void sameMetadata(String prefix, String member) {
        for (String name : List.of("web", "api")) {
            JsonNode kubectl;
            JsonNode jctl;
            try (Connection k = cluster.connect(prefix + "-k"); Connection j = cluster.connect(prefix + "-j")) {
                kubectl = k.get("/apis/apps/v1/namespaces/" + prefix + "-k/deployments/" + name);
                jctl = j.get("/apis/apps/v1/namespaces/" + prefix + "-j/deployments/" + name);
            }
            JsonNode expected = kubectl.path("metadata").path(member).deepCopy();
            JsonNode actual = jctl.path("metadata").path(member).deepCopy();
            // Each twin was created by kubectl apply in its own namespace, which the annotation names.
            for (JsonNode values : List.of(expected, actual)) {
                if (values instanceof ObjectNode object) {
                    object.remove("kubectl.kubernetes.io/last-applied-configuration");
                }
            }
            assertEquals(expected, actual, member + " of " + name);
        }
    }

    @Test
    void labelDoesWhatKubectlDoes() throws Exception {
        Path file = twins("label");
        // kubectl lists a Go map, in no fixed order: listed while each object has a single label.
        same("label", "label", "deploy", "web", "--list");
        same("label", "label", "deploy", "--all", "--list");
        same("label", "label", "deploy", "web", "tier=gold");
        same("label", "label", "deploy", "web", "tier=silver");
        same("label", "label", "deploy", "web", "tier=gold");
        same("label", "label", "deployment/web", "tier=silver", "--overwrite");
        sameMetadata("label", "labels");
        same("label", "label", "deploy", "web", "tier-");
        same("label", "label", "deploy", "web", "tier-");
        same("label", "label", "deploy", "web", "a=1", "b=2");
        same("label", "label", "deploy", "web", "a-", "b=2");
        same("label", "label", "deploy", "web", "a-", "b=5", "--overwrite");
        sameMetadata("label", "labels");
        same("label", "label", "deploy", "web", "x=bad value");
        same("label", "label", "deploy", "web", "x=a=b");
        same("label", "label", "deploy", "web", "x=1", "x-");
        same("label", "label", "deploy", "web", "x=1", "foo");
        same("label", "label", "deploy", "web");
        same("label", "label", "k=v");
        same("label", "label", "deploy", "k=v");
        same("label", "label", "deploy", "nope", "web", "x=1");
        same("label", "label", "deploy/web", "svc/nope", "y=1");
        same("label", "label", "widgets", "web", "x=1");
        same("label", "label", "deploy", "--all", "-l", "app=web", "k=v");
        same("label", "label", "deploy", "web", "--all", "k=v");
        same("label", "label", "deploy,svc", "web", "-l", "app=web", "k=v");
        same("label", "label", "deploy", "-l", "app=none", "k=v");
        same("label", "label", "deploy", "-l", "app=web", "sel=1");
        same("label", "label", "deploy", "--all", "every=1");
        same("label", "label", "-f", file.toString(), "file=1");
        sameMetadata("label", "labels");
        same("label", "label", "deploy", "web", "c=3", "--dry-run=client");
        same("label", "label", "deploy", "web", "c=3", "--dry-run=server");
        same("label", "label", "deploy", "web", "c=4", "--dry-run=server", "-o", "name");
        same("label", "label", "deploy", "web", "c=5", "--dry-run=client", "-o", "yaml");
        same("label", "label", "deploy", "web", "--dry-run=bogus", "c=6");
        sameMetadata("label", "labels");
        same("label", "label", "deploy", "web", "c=3", "--resource-version=1");
        same("label", "label", "deploy", "web", "api", "c=3", "--resource-version=1");
        // One object: kubectl prints several YAML documents back to back, jctl separates them with ---.
        Path single = dir.resolve("label-single.yaml");
        Files.writeString(single, DEPLOYMENTS.substring(0, DEPLOYMENTS.indexOf("---")));
        same("label", "label", "-f", single.toString(), "local=1", "--local", "-o", "yaml");
        same("label", "label", "-f", file.toString(), "local=1", "--local");
        same("label", "label", "deploy", "web", "local=1", "--local");
        sameMetadata("label", "labels");
    }

    @Test
    void annotateDoesWhatKubectlDoes() throws Exception {
        twins("note");
        same("note", "annotate", "deploy", "api", "--list");
        same("note", "annotate", "deploy", "web", "note=hi");
        same("note", "annotate", "deploy", "web", "note=hi");
        same("note", "annotate", "deploy", "web", "note=bye");
        same("note", "annotate", "deploy", "web", "note=bye", "--overwrite");
        same("note", "annotate", "deploy", "web", "note-");
        same("note", "annotate", "deploy", "web", "note-");
        same("note", "annotate", "deploy", "web", "x=a=b", "y=");
        same("note", "annotate", "deploy", "web", "x=a=b", "=c");
        same("note", "annotate", "deploy", "web", "x=1", "x-");
        same("note", "annotate", "deploy", "web");
        same("note", "annotate", "deploy", "--all", "k=v");
        same("note", "annotate", "deploy", "-l", "app=web", "k2=v");
        same("note", "annotate", "deploy", "-l", "app=none", "k2=v");
        sameMetadata("note", "annotations");
        same("note", "annotate", "deploy", "web", "k3=v", "-o", "yaml");
        same("note", "annotate", "deploy", "web", "k4=v", "--dry-run=client", "-o", "json");
        same("note", "annotate", "deploy", "web", "api", "k5=v", "--resource-version=5");
        sameMetadata("note", "annotations");
    }

    @Test
    void aResourceVersionMakesTheServerRefuseAChangedObject() throws Exception {
        twins("pin");
        String version;
        try (Connection j = cluster.connect("pin-j")) {
            version = j.get("/apis/apps/v1/namespaces/pin-j/deployments/web").path("metadata")
                    .path("resourceVersion").asText();
        }
        CommandRun pinned = jctl().run("label", "deploy", "web", "pinned=1", "--resource-version=" + version,
                "-n", "pin-j");
        assertEquals(0, pinned.exit(), pinned.describe());
        assertEquals("deployment.apps/web labeled\n", pinned.out());
        CommandRun stale = jctl().run("label", "deploy", "web", "pinned=2", "--overwrite",
                "--resource-version=" + version, "-n", "pin-j");
        assertEquals(1, stale.exit(), stale.describe());
        assertEquals("Error from server (Conflict): Operation cannot be fulfilled on deployments.apps \"web\": the "
                + "object has been modified; please apply your changes to the latest version and try again\n",
                stale.err());
        try (Connection j = cluster.connect("pin-j")) {
            assertEquals("1", j.get("/apis/apps/v1/namespaces/pin-j/deployments/web").path("metadata")
                    .path("labels").path("pinned").asText());
        }
    }
}
