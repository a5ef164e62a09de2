package dev.jctl.cli.client;

import java.util.concurrent.CompletableFuture;

/**
 * A {@link Connection} being opened on a thread of its own while the command reads its input: reading the kubeconfig
 * and setting up TLS take a quarter of a second of a cold JVM, as long as reading a thousand manifests. Failures
 * come out of {@link #get()} as {@link Connection#open} throws them, so the command reports a bad manifest before a
 * bad kubeconfig, as it would opening one after the other.
 */
public final class PendingConnection {
    private final CompletableFuture<Connection> opening = new CompletableFuture<>();

    private PendingConnection() {
    }

    public static PendingConnection start(ConnectionSettings settings) {
        PendingConnection pending = new PendingConnection();
        Thread thread = new Thread(() -> {
            try {
                pending.opening.complete(Connection.open(settings));
            } catch (RuntimeException | Error e) {
                pending.opening.completeExceptionally(e);
            }
        }, "jctl-connect");
        thread.setDaemon(true);
        thread.start();
        return pending;
    }

    /** The open connection, once it is; the caller closes it. */
    public Connection get() {
        return Futures.join(opening);
    }

    /** For a command that stops before using it: closes the connection as soon as it is open. */
    public void abandon() {
        opening.thenAccept(Connection::close);
    }
}
