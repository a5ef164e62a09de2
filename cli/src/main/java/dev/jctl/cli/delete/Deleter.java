package dev.jctl.cli.delete;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jctl.cli.apply.ApplyOrder;
import dev.jctl.cli.client.ApiException;
import dev.jctl.cli.client.ApiResource;
import dev.jctl.cli.client.BuilderException;
import dev.jctl.cli.client.Connection;
import dev.jctl.cli.client.Discovery;
import dev.jctl.cli.client.ManifestLocation;
import dev.jctl.diff.io.Manifest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * {@code delete}: removes objects named by manifests, by name or by label selector, with kubectl's
 * DeleteOptions ({@code propagationPolicy}, {@code gracePeriodSeconds}), then optionally waits until they are
 * gone (finalizers done), which kubectl does by default.
 */
public final class Deleter {
    private static final Duration POLL = Duration.ofMillis(200);

    private final Connection connection;
    private final Discovery discovery;

    public Deleter(Connection connection, Discovery discovery) {
        this.connection = connection;
        this.discovery = discovery;
    }

    /** {@code --cascade}: what happens to the objects this one owns. */
    public enum Cascade {
        BACKGROUND("Background"), FOREGROUND("Foreground"), ORPHAN("Orphan");

        private final String policy;

        Cascade(String policy) {
            this.policy = policy;
        }

        /** kubectl's values, including the deprecated true (background) and false (orphan). */
        public static Cascade parse(String value) {
            return switch (value.toLowerCase(Locale.ROOT)) {
                case "background", "true" -> BACKGROUND;
                case "foreground" -> FOREGROUND;
                case "orphan", "false" -> ORPHAN;
                default -> throw new IllegalArgumentException("invalid cascade value (" + value
                        + "). Must be \"background\", \"foreground\", or \"orphan\"");
            };
        }
    }

    /**
     * @param gracePeriodSeconds negative to leave it to the object's own
     * @param waitTimeout        null not to wait
     */
    public record Options(Cascade cascade, int gracePeriodSeconds, boolean ignoreNotFound, Duration waitTimeout) {
        public Options withoutWaiting() {
            return new Options(cascade, gracePeriodSeconds, ignoreNotFound, null);
        }
    }

    /**
     * One object to delete; {@code source} names the file it came from, null when named on the command line, and
     * {@code refusal} is kubectl's reason not to ask the server about it (a namespace that contradicts {@code -n}).
     */
    public record Target(ApiResource resource, String namespace, String name, String source,
                         BuilderException refusal) {
        Target(ApiResource resource, String namespace, String name) {
            this(resource, namespace, name, null, null);
        }

        String path() {
            return resource.objectPath(namespace, name);
        }

        /** {@code deployment.apps "web"}, as kubectl's delete output names objects. */
        public String describe() {
            return resource.qualifiedKind() + " \"" + name + "\"";
        }
    }

    /** A deleted object, or why it was not, in kubectl's words. */
    public record Result(Target target, RuntimeException error) {
        public boolean failed() {
            return error != null;
        }
    }

    /**
     * The objects of manifests in deletion order (reverse of apply order), and kubectl's errors for those whose
     * kind the server does not serve, which kubectl reports after all others.
     */
    public record Planned(List<Target> targets, List<RuntimeException> unmapped) {
    }

    public Planned targetsOf(List<Manifest> manifests) {
        List<Target> targets = new ArrayList<>();
        List<RuntimeException> unmapped = new ArrayList<>();
        for (Manifest m : ApplyOrder.forDelete(manifests)) {
            ApiResource resource;
            try {
                resource = ManifestLocation.resource(m, discovery);
            } catch (BuilderException e) {
                unmapped.add(e);
                continue;
            }
            try {
                targets.add(new Target(resource, ManifestLocation.namespace(m, resource, connection), m.name(),
                        m.source(), null));
            } catch (BuilderException e) {
                targets.add(new Target(resource, null, m.name(), m.source(), e));
            }
        }
        return new Planned(targets, unmapped);
    }

    /** Named objects of one type ({@code TYPE NAME...}). */
    public List<Target> targetsNamed(String type, List<String> names) {
        ApiResource resource = resolve(type);
        String namespace = resource.namespaced() ? connection.namespace() : null;
        return names.stream().map(n -> new Target(resource, namespace, n)).toList();
    }

    /** The objects of one type that match a label selector, in the namespace (or all with {@code allNamespaces}). */
    public List<Target> targetsSelected(String type, String selector, boolean allNamespaces) {
        ApiResource resource = resolve(type);
        String namespace = resource.namespaced() && !allNamespaces ? connection.namespace() : null;
        String path = resource.collectionPath(namespace)
                + (selector == null ? "" : "?labelSelector=" + URLEncoder.encode(selector, StandardCharsets.UTF_8));
        List<Target> targets = new ArrayList<>();
        for (JsonNode item : connection.get(path).path("items")) {
            JsonNode metadata = item.path("metadata");
            targets.add(new Target(resource, resource.namespaced() ? metadata.path("namespace").asText() : null,
                    metadata.path("name").asText()));
        }
        return targets;
    }

    private ApiResource resolve(String type) {
        return discovery.resolve(type).orElseThrow(() -> new IllegalArgumentException(
                "the server doesn't have a resource type \"" + type + "\""));
    }

    /**
     * Deletes every target, reporting each as it goes, then, when none failed (kubectl does not wait after an
     * error), waits for all of them to be gone.
     */
    public List<Result> delete(List<Target> targets, Options options, Consumer<Result> listener) {
        List<Result> results = new ArrayList<>();
        List<Deleted> deleted = new ArrayList<>();
        for (Target target : targets) {
            Result result;
            try {
                JsonNode answer = connection.send(new Connection.Request("DELETE", path(target), "application/json",
                        body(options), "application/json"));
                deleted.add(new Deleted(target, answer.path("metadata").path("uid").asText("")));
                result = new Result(target, null);
            } catch (ApiException e) {
                if (e.isNotFound() && options.ignoreNotFound()) {
                    continue;
                }
                result = new Result(target, target.source() == null ? e : e.withSource("deleting", target.source()));
            } catch (BuilderException e) {
                result = new Result(target, e);
            } catch (IllegalArgumentException e) {
                result = new Result(target, ApiException.withSource("deleting", target.source(), e));
            }
            results.add(result);
            listener.accept(result);
        }
        if (options.waitTimeout() != null && results.stream().noneMatch(Result::failed)) {
            awaitGone(deleted, options.waitTimeout());
        }
        return results;
    }

    /** The target's URL path, once it is known to name one object. */
    private static String path(Target target) {
        if (target.refusal() != null) {
            throw target.refusal();
        }
        if (target.name().isEmpty()) {
            throw new IllegalArgumentException("resource name may not be empty");
        }
        return target.path();
    }

    private record Deleted(Target target, String uid) {
    }

    private static String body(Options options) {
        ObjectNode body = Connection.JSON.createObjectNode();
        body.put("kind", "DeleteOptions").put("apiVersion", "v1");
        if (options.gracePeriodSeconds() >= 0) {
            body.put("gracePeriodSeconds", options.gracePeriodSeconds());
        }
        body.put("propagationPolicy", options.cascade().policy);
        return body.toString();
    }

    /** Gone means not found, or found with another uid (re-created since). */
    private void awaitGone(List<Deleted> deleted, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        for (Deleted d : deleted) {
            while (true) {
                Connection.Answer answer = connection.exchange(Connection.Request.get(d.target().path()));
                if (answer.code() == 404 || answer.code() == 200
                        && !answer.json().path("metadata").path("uid").asText("").equals(d.uid())) {
                    break;
                }
                if (answer.code() != 200) {
                    throw ApiException.ofAnswer(answer);
                }
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalArgumentException("timed out waiting for the condition on "
                            + d.target().resource().qualifiedPlural() + "/" + d.target().name());
                }
                try {
                    Thread.sleep(POLL.toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while waiting for deletion", e);
                }
            }
        }
    }
}
