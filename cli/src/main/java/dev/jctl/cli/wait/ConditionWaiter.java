package dev.jctl.cli.wait;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jctl.cli.apply.health.ListWatch;
import dev.jctl.cli.client.ApiException;
import dev.jctl.cli.client.Connection;
import dev.jctl.cli.get.Getter;
import dev.jctl.cli.select.ObjectFinder;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * {@code wait}: waits for objects as kubectl wait does, one after the other against one deadline, each through a
 * list+watch narrowed to its name, so the wait sleeps until the server reports a change. An object that is
 * waited for after the deadline has passed times out at once, as in kubectl.
 */
public final class ConditionWaiter {
    private final Connection connection;
    private final Duration retry;

    /** @param retry the pause after a failed list or watch before the next request */
    public ConditionWaiter(Connection connection, Duration retry) {
        this.connection = connection;
        this.retry = retry;
    }

    /** The object as last seen and whether it met the condition; otherwise {@code error} says why not. */
    public record Outcome(JsonNode object, RuntimeException error) {
        public boolean met() {
            return error == null;
        }
    }

    /** The wait ran out of time ({@code timed out waiting for the condition on deployments/web}). */
    public static final class TimeoutException extends RuntimeException {
        public TimeoutException(String message) {
            super(message);
        }
    }

    /**
     * Waits until {@code item} passes {@code check}; the object must exist when the wait starts (kubectl's
     * precondition), a deletion later only means waiting on. A zero {@code timeout} reads the object once.
     */
    public Outcome await(ObjectFinder.Item item, WaitFor.ObjectCheck check, Duration timeout, Instant deadline) {
        if (timeout.isZero()) {
            JsonNode object = connection.get(item.resource().objectPath(item.namespace(), item.name()));
            return check.isMet(object) ? new Outcome(object, null) : notMet(item, object);
        }
        if (!Instant.now().isBefore(deadline)) {
            return new Outcome(item.object(), timedOut(item));
        }
        try (Watching watching = new Watching(item)) {
            boolean checked = false;
            while (true) {
                watching.changes.drainPermits();
                if (watching.watch.listed()) {
                    JsonNode object = watching.watch.get(item.name());
                    if (object == null && !checked) {
                        return new Outcome(null, new ApiException(404, "NotFound",
                                item.resource().qualifiedPlural() + " \"" + item.name() + "\" not found", null));
                    }
                    checked = true;
                    try {
                        if (object != null && check.isMet(object)) {
                            return new Outcome(Getter.typed(item.resource(), object), null);
                        }
                    } catch (IllegalStateException e) {
                        return new Outcome(object, e);
                    }
                }
                if (!watching.sleep(deadline)) {
                    return new Outcome(item.object(), timedOut(item));
                }
            }
        }
    }

    /** Waits until {@code item}, read before, is gone; a zero {@code timeout} reads once. */
    public Outcome awaitDeleted(ObjectFinder.Item item, Duration timeout, Instant deadline) {
        if (timeout.isZero()) {
            Connection.Answer answer = connection.exchange(Connection.Request.get(
                    item.resource().objectPath(item.namespace(), item.name())));
            if (answer.code() == 404) {
                return new Outcome(item.object(), null);
            }
            if (answer.code() != 200) {
                throw ApiException.ofAnswer(answer);
            }
            return notMet(item, answer.json());
        }
        if (!Instant.now().isBefore(deadline)) {
            return new Outcome(item.object(), timedOut(item));
        }
        try (Watching watching = new Watching(item)) {
            while (true) {
                watching.changes.drainPermits();
                if (watching.watch.listed() && watching.watch.get(item.name()) == null) {
                    return new Outcome(item.object(), null);
                }
                if (!watching.sleep(deadline)) {
                    return new Outcome(item.object(), timedOut(item));
                }
            }
        }
    }

    /**
     * Waits until every one of {@code items} exists; false when the deadline came first. kubectl polls for this
     * every half second; a list+watch per object sees each creation as it happens.
     */
    public boolean awaitCreated(List<ObjectFinder.Item> items, Instant deadline) {
        List<Watching> all = new ArrayList<>();
        Semaphore changes = new Semaphore(0);
        try {
            for (ObjectFinder.Item item : items) {
                all.add(new Watching(item, changes));
            }
            Predicate<Watching> exists = w -> w.watch.listed() && w.watch.get(w.item.name()) != null;
            while (true) {
                changes.drainPermits();
                if (all.stream().allMatch(exists)) {
                    return true;
                }
                long remaining = Duration.between(Instant.now(), deadline).toMillis();
                if (remaining <= 0 || !changes.tryAcquire(remaining, TimeUnit.MILLISECONDS)) {
                    return all.stream().allMatch(exists);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting", e);
        } finally {
            all.forEach(Watching::close);
        }
    }

    private static Outcome notMet(ObjectFinder.Item item, JsonNode object) {
        return new Outcome(object, new IllegalStateException("condition not met for " + item.objectName()));
    }

    private static TimeoutException timedOut(ObjectFinder.Item item) {
        return new TimeoutException("timed out waiting for the condition on " + item.objectName());
    }

    /** One object's list+watch, narrowed by name, and the permits its changes release. */
    private final class Watching implements AutoCloseable {
        final ObjectFinder.Item item;
        final Semaphore changes;
        final ListWatch watch;
        private final ScheduledExecutorService scheduler;

        Watching(ObjectFinder.Item item) {
            this(item, new Semaphore(0));
        }

        Watching(ObjectFinder.Item item, Semaphore changes) {
            this.item = item;
            this.changes = changes;
            this.scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread thread = new Thread(r, "jctl-wait-" + item.name());
                thread.setDaemon(true);
                return thread;
            });
            this.watch = new ListWatch(connection, item.resource().collectionPath(item.namespace()),
                    "metadata.name=" + item.name(), null, changes::release, scheduler, retry);
            watch.start();
        }

        /** Sleeps until a change or the deadline; false when the deadline has passed. */
        boolean sleep(Instant deadline) {
            long remaining = Duration.between(Instant.now(), deadline).toMillis();
            if (remaining <= 0) {
                return false;
            }
            try {
                changes.tryAcquire(remaining, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting", e);
            }
            return true;
        }

        @Override
        public void close() {
            watch.close();
            scheduler.shutdownNow();
        }
    }
}
