package dev.jctl.cli.command;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jctl.cli.client.Connection;
import dev.jctl.cli.testing.CommandRun;
import dev.jctl.cli.testing.SideBySide;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * wait side by side with the real kubectl against the project's API server, kubectl in one namespace and jctl
 * in a twin. For the waits that succeed, both run at the same time while the test changes the objects as a
 * controller would (status through the status subresource, deletion, creation); both must print the same lines
 * and exit alike.
 */
class WaitCommandTest extends SideBySide {
    private static final String DEPLOYMENT = """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: %s
              labels:
                app: %s
            spec:
              replicas: 2
              selector:
                matchLabels:
                  app: %s
              template:
                metadata:
                  labels:
                    app: %s
                spec:
                  containers:
                  - name: app
                    image: nginx:1.25
            """;
    /** Generous: the waits end when the test's change arrives, long before this under any load. */
    private static final String LONG = "--timeout=120s";

    private static Path manifest(String name) throws Exception {
        Path file = dir.resolve(name + ".yaml");
        Files.writeString(file, DEPLOYMENT.formatted(name, name, name, name));
        return file;
    }

    private static void apply(String namespace, String name) throws Exception {
        CommandRun applied = kubectl().run(dir, List.of("apply", "-f", manifest(name).toString(), "-n", namespace));
        assertEquals(0, applied.exit(), applied.describe());
    }

    private static void twins(String prefix, String... names) throws Exception {
        for (String namespace : List.of(prefix + "-k", prefix + "-j")) {
            CommandRun created = kubectl().run(dir, List.of("create", "namespace", namespace));
            assertEquals(0, created.exit(), created.describe());
            for (String name : names) {
                apply(namespace, name);
            }
        }
    }

    private static void same(String prefix, String... args) {
        assertSame(prefix + "-k", prefix + "-j", WITHOUT_KLOG_WARNINGS, args);
    }

    /**
     * Starts the wait with both tools, runs {@code change} on both twins, and compares how the waits ended; only
     * for changes after which the waits end alike whether they started before or after the change.
     */
    private static void sameWhile(String prefix, ChangeInBoth change, String... args) throws Exception {
        CompletableFuture<CommandRun> kubectlRun = CompletableFuture.supplyAsync(() ->
                kubectl().run(dir, withNamespace(prefix + "-k", args)));
        CompletableFuture<CommandRun> jctlRun = CompletableFuture.supplyAsync(() ->
                jctl().run(withNamespace(prefix + "-j", args)));
        change.apply(prefix + "-k");
        change.apply(prefix + "-j");
        CommandRun expected = kubectlRun.get();
        CommandRun actual = jctlRun.get();
        String both = "kubectl: " + expected.describe() + "\njctl: " + actual.describe();
        assertEquals(expected.exit(), actual.exit(), both);
        assertEquals(expected.out(), actual.out(), both);
        assertEquals(WITHOUT_KLOG_WARNINGS.apply(expected.err()), actual.err(), both);
    }

    private interface ChangeInBoth {
        void apply(String namespace) throws Exception;
    }

    private static List<String> withNamespace(String namespace, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("-n", namespace));
        return all;
    }

    /** What a deployment controller writes once the rollout is done. */
    private static void rolledOut(String namespace, String name) {
        try (Connection connection = cluster.connect(namespace)) {
            connection.send(new Connection.Request("PATCH", "/apis/apps/v1/namespaces/" + namespace + "/deployments/"
                    + name + "/status", "application/merge-patch+json", """
                    {"status":{"observedGeneration":1,"replicas":2,"readyReplicas":2,"availableReplicas":2,
                     "conditions":[{"type":"Available","status":"True","reason":"MinimumReplicasAvailable",
                                    "message":"Deployment has minimum availability."}]}}""", "application/json"));
        }
    }

    @Test
    void waitsForConditionsAndJsonPathsAsTheStatusChanges() throws Exception {
        twins("cond", "web", "api");
        same("cond", "wait", "deploy/web", "--for=condition=Available", "--timeout=1s");
        same("cond", "wait", "deploy/web", "--for=condition=Available", "--timeout=0");
        same("cond", "wait", "deploy", "web", "api", "--for=condition=Available", "--timeout=1s");
        same("cond", "wait", "deploy/nope", "--for=condition=Available", "--timeout=1s");
        same("cond", "wait", "deploy", "-l", "app=none", "--for=condition=Available");
        same("cond", "wait", "deploy/web", "--for=bogus");
        same("cond", "wait", "deploy/web", "--for=jsonpath={.spec}=2");
        same("cond", "wait", "deploy/web", "--for=jsonpath={.spec.replicas}=");
        same("cond", "wait", "deploy", "--for=condition=Available");
        same("cond", "wait", "--for=condition=Available");
        same("cond", "wait", "deploy/web", "--for=jsonpath=spec.replicas=2");
        same("cond", "wait", "deploy", "--all", "--for=jsonpath={.spec.template.spec.containers[*].name}=app");
        sameWhile("cond", namespace -> rolledOut(namespace, "web"),
                "wait", "deploy/web", "--for=condition=available", LONG);
        sameWhile("cond", namespace -> rolledOut(namespace, "api"),
                "wait", "deploy", "-l", "app=api", "--for=jsonpath={.status.readyReplicas}=2", "-o", "name", LONG);
        same("cond", "wait", "deploy", "--all", "--for=condition=Available=True");
        same("cond", "wait", "deploy/web", "--for=condition=Available=false", "--timeout=1s");
    }

    @Test
    void waitsForDeletionAndCreation() throws Exception {
        twins("life", "web");
        same("life", "wait", "deploy/nope", "--for=delete", "--timeout=1s");
        same("life", "wait", "deploy/web", "--for=delete", "--timeout=0");
        same("life", "wait", "deploy/web", "--for=delete", "--timeout=1s");
        same("life", "wait", "deploy/later", "--for=create", "--timeout=1s");
        // Whether kubectl sees a deletion or an object already gone depends on when it starts, so the deletion
        // itself is compared before and after (ConditionWaiterTest shows a deletion ending a running wait).
        for (String namespace : List.of("life-k", "life-j")) {
            CommandRun deleted = kubectl().run(dir, List.of("delete", "deploy", "web", "-n", namespace));
            assertEquals(0, deleted.exit(), deleted.describe());
        }
        same("life", "wait", "deploy/web", "--for=delete", LONG);
        sameWhile("life", namespace -> apply(namespace, "later"), "wait", "deploy/later", "--for=create", LONG);
        same("life", "wait", "-f", manifest("later").toString(), "--for=create");
    }
}
