package dev.jctl.runtime.apiserver;

import dev.jctl.runtime.apiserver.rest.EventSink;
import io.vertx.core.http.ServerWebSocket;

import java.nio.charset.StandardCharsets;

/** A watch stream over a WebSocket: one text frame per event, as kube-apiserver sends them. */
final class WebSocketEventSink implements EventSink {
    private final ServerWebSocket socket;
    private final CloseActions closing = new CloseActions();

    WebSocketEventSink(ServerWebSocket socket) {
        this.socket = socket;
        socket.closeHandler(v -> closing.close());
        socket.exceptionHandler(e -> closing.close());
        // frames from the client carry nothing a watch needs; consuming them keeps the socket flowing
        socket.handler(frame -> { });
    }

    @Override
    public synchronized boolean send(byte[] event) {
        if (closing.isClosed()) {
            return false;
        }
        try {
            socket.writeTextMessage(new String(event, StandardCharsets.UTF_8));
            return true;
        } catch (IllegalStateException e) {
            closing.close();
            return false;
        }
    }

    @Override
    public void end() {
        synchronized (this) {
            if (!closing.isClosed()) {
                socket.close();
            }
        }
        closing.close();
    }

    @Override
    public void onClose(Runnable action) {
        closing.add(action);
    }
}
