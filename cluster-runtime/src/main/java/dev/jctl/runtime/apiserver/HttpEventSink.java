package dev.jctl.runtime.apiserver;

import dev.jctl.runtime.apiserver.rest.EventSink;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;

/**
 * A watch stream over a chunked HTTP response: one JSON event per line, ended by the server or the client. The
 * head goes out with the first event or at {@link #open()}, so a watch refused before it starts still gets a
 * proper error response.
 */
final class HttpEventSink implements EventSink {
    private final HttpServerResponse response;
    private final CloseActions closing = new CloseActions();
    private boolean started;

    HttpEventSink(HttpServerResponse response) {
        this.response = response;
        response.closeHandler(v -> closing.close());
    }

    /** Sends the 200 head: clients (informers) count a watch as started once it arrives. */
    synchronized void open() {
        if (!started && !closing.isClosed()) {
            started = true;
            response.setStatusCode(200).setChunked(true).putHeader("Content-Type", MediaTypes.JSON);
            response.writeHead();
        }
    }

    @Override
    public synchronized boolean send(byte[] bytes) {
        if (closing.isClosed()) {
            return false;
        }
        open();
        try {
            response.write(Buffer.buffer(bytes.length + 1).appendBytes(bytes).appendByte((byte) '\n'));
            return true;
        } catch (IllegalStateException e) {
            closing.close();
            return false;
        }
    }

    @Override
    public void end() {
        synchronized (this) {
            open();
            if (!closing.isClosed()) {
                try {
                    response.end();
                } catch (IllegalStateException e) {
                    // the client left first; closing below runs the same cleanup
                }
            }
        }
        closing.close();
    }

    @Override
    public void onClose(Runnable action) {
        closing.add(action);
    }
}
