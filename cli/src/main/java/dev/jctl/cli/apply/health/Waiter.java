package dev.jctl.cli.apply.health;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jctl.cli.apply.ApplyResult;
import dev.jctl.cli.client.ApiResource;
import dev.jctl.cli.client.Connection;
import dev.jctl.cli.client.Discovery;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Waits until objects are healthy by their {@link HealthRules}. Objects are read through one list+watch per
 * resource and namespace (narrowed to the name when only one object of it is awaited), plus those their rules
 * relate them to; health is recomputed whenever any of these change, so the wait sleeps until something happens
 * or the time is up. It stops early when an object fails, since the outcome can then no longer be success.
 */
public final class Waiter {
    private final Connection connection;
    private final Discovery discovery;
    private final Duration retry;

    /** @param retry the pause after a failed list or watch, which is also the polling pace without watch */
    public Waiter(Connection connection, Discovery discovery, Duration retry) {
        this.connection = connection;
        this.discovery = discovery;
        this.retry = retry;
    }

    /** One object to wait for; {@code namespace} null for a cluster-scoped resource. */
    public record Target(ApiResource resource, String namespace, String name) {
        /** {@code deployment.apps/web}: how apply's output lines name the object. */
        public String displayName() {
            return resource.qualifiedKind() + "/" + name;
        }

        /** {@code deployments/web}: how kubectl wait's errors name the object. */
        public String objectName() {
            return resource.plural() + "/" + name;
        }
    }

    /** Told each time an object's health changes, and once when waiting is over. */
    public interface Progress {
        void changed(Target target, Health health);

        void finished();
    }

    /** Each object's last health; {@code timedOut} when the time ran out before every object settled. */
    public record Result(Map<Target, Health> health, boolean timedOut) {
        public boolean healthy() {
            return health.values().stream().allMatch(h -> h.state() == Health.State.READY);
        }

        /** {@code deployment.apps/web condition met} per object that had a readiness to wait for, as kubectl wait. */
        public List<String> readyLines() {
            return health.entrySet().stream()
                    .filter(e -> e.getValue().state() == Health.State.READY && e.getValue().tracked())
                    .map(e -> e.getKey().displayName() + " condition met").toList();
        }

        /**
         * One {@code error: ...} line per object that is not healthy, saying why: kubectl wait's timeout line with
         * the reason added, or the failure that ended the wait early.
         */
        public List<String> errorLines() {
            List<String> lines = new ArrayList<>();
            health.forEach((target, h) -> {
                switch (h.state()) {
                    case FAILED -> lines.add("error: " + target.objectName() + " failed: " + h.message());
                    case IN_PROGRESS -> lines.add((timedOut ? "error: timed out waiting for the condition on "
                            : "error: stopped waiting after a failure for ") + target.objectName() + ": "
                            + h.message());
                    case READY -> { }
                }
            });
            return lines;
        }
    }

    /** The objects apply created or updated, as targets; failed results and unmapped kinds are skipped. */
    public List<Target> targets(List<ApplyResult> applied) {
        List<Target> targets = new ArrayList<>();
        for (ApplyResult result : applied) {
            if (result.failed()) {
                continue;
            }
            JsonNode metadata = result.object().path("metadata");
            discovery.forKind(result.manifest().apiVersion(), result.manifest().kind()).ifPresent(resource ->
                    targets.add(new Target(resource, resource.namespaced() ? metadata.path("namespace").asText() : null,
                            metadata.path("name").asText())));
        }
        return targets;
    }

    public Result await(List<Target> targets, Duration timeout, Progress progress) {
        Instant deadline = Instant.now().plus(timeout);
        Semaphore changes = new Semaphore(0);
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "jctl-wait");
            thread.setDaemon(true);
            return thread;
        });
        Map<String, ListWatch> watches = new HashMap<>();
        try {
            Watches open = new Watches(watches, changes, scheduler);
            Map<Target, ListWatch> primary = primaryWatches(targets, open);
            Map<Target, Health> health = new HashMap<>();
            while (true) {
                changes.drainPermits();
                boolean failed = false;
                for (Map.Entry<Target, ListWatch> entry : primary.entrySet()) {
                    Target target = entry.getKey();
                    Health before = health.get(target);
                    if (before != null && before.settled()) {
                        continue;
                    }
                    Optional<Health> now = evaluate(target, entry.getValue(), open);
                    if (now.isPresent() && !now.get().equals(before)) {
                        health.put(target, now.get());
                        progress.changed(target, now.get());
                    }
                    failed |= now.isPresent() && now.get().state() == Health.State.FAILED;
                }
                boolean settled = health.size() == primary.size()
                        && health.values().stream().allMatch(Health::settled);
                long remaining = Duration.between(Instant.now(), deadline).toMillis();
                if (settled || failed || remaining <= 0) {
                    Map<Target, Health> last = new LinkedHashMap<>();
                    primary.forEach((target, watch) -> last.put(target, health.getOrDefault(target,
                            Health.inProgress(watch.error() == null ? "not read yet" : "cannot be read: "
                                    + watch.error()))));
                    return new Result(last, !settled && !failed);
                }
                changes.tryAcquire(remaining, TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting", e);
        } finally {
            progress.finished();
            watches.values().forEach(ListWatch::close);
            scheduler.shutdownNow();
        }
    }

    /**
     * One list+watch per resource and namespace, narrowed by name to the object when it is the only one awaited
     * there; in the targets' order, each object once.
     */
    private static Map<Target, ListWatch> primaryWatches(List<Target> targets, Watches open) {
        Map<String, Long> perCollection = targets.stream().distinct().collect(Collectors.groupingBy(
                t -> t.resource().collectionPath(t.namespace()), Collectors.counting()));
        Map<Target, ListWatch> primary = new LinkedHashMap<>();
        for (Target target : targets) {
            boolean alone = perCollection.get(target.resource().collectionPath(target.namespace())) == 1;
            primary.put(target, open.of(target.resource(), target.namespace(),
                    alone ? "metadata.name=" + target.name() : null, null));
        }
        return primary;
    }

    /** Empty until the object's list has arrived: only then does its absence mean anything. */
    private Optional<Health> evaluate(Target target, ListWatch watch, Watches open) {
        if (!watch.listed()) {
            return Optional.empty();
        }
        JsonNode object = watch.get(target.name());
        if (object == null) {
            return Optional.of(Health.inProgress("not found"));
        }
        HealthRule rule = HealthRules.forKind(target.resource().group(), target.resource().kind());
        return Optional.of(rule.evaluate(object, related -> open.related(related)));
    }

    /** The list+watches opened so far, one per query, opened on first use. */
    private final class Watches {
        private final Map<String, ListWatch> byQuery;
        private final Semaphore changes;
        private final ScheduledExecutorService scheduler;

        Watches(Map<String, ListWatch> byQuery, Semaphore changes, ScheduledExecutorService scheduler) {
            this.byQuery = byQuery;
            this.changes = changes;
            this.scheduler = scheduler;
        }

        ListWatch of(ApiResource resource, String namespace, String fieldSelector, String labelSelector) {
            String path = resource.collectionPath(namespace);
            String key = path + "|" + fieldSelector + "|" + labelSelector;
            return byQuery.computeIfAbsent(key, k -> {
                ListWatch watch = new ListWatch(connection, path, fieldSelector, labelSelector, changes::release,
                        scheduler, retry);
                watch.start();
                return watch;
            });
        }

        /** The related objects read so far; none when the server does not serve their kind (no EndpointSlices). */
        List<JsonNode> related(Related query) {
            Optional<ApiResource> resource = discovery.forKind(query.apiVersion(), query.kind());
            if (resource.isEmpty()) {
                return List.of();
            }
            String namespace = resource.get().namespaced() ? query.namespace() : null;
            return of(resource.get(), namespace, query.fieldSelector(), query.labelSelector()).objects();
        }
    }
}
