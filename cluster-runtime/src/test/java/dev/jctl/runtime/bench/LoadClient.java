package dev.jctl.runtime.bench;

/**
 * One load client as a controller or kubectl holds it: one keep-alive connection, one request at a time, sent and
 * answered on the caller's thread.
 */
interface LoadClient {
    /** A request: {@code body} is null for a GET. */
    record Call(String method, String path, String body) {
    }

    record Answer(int status, String body) {
    }

    Answer send(Call call) throws Exception;
}
