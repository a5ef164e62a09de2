package dev.jctl.cli.client;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jctl.diff.io.GoStrings;

/**
 * A request the API server refused. When the body was a {@code Status}, its reason and message are kept so
 * the error reads like kubectl's: {@code Error from server (NotFound): deployments.apps "web" not found}.
 */
public final class ApiException extends RuntimeException {
    private final int code;
    private final String reason;
    private final JsonNode status;

    public ApiException(int code, String reason, String message, JsonNode status) {
        super(message);
        this.code = code;
        this.reason = reason == null ? "" : reason;
        this.status = status;
    }

    /** The error for a non-2xx answer: the Status body when there is one, the raw text otherwise. */
    static ApiException of(int code, JsonNode body, String raw) {
        if (body != null && "Status".equals(body.path("kind").asText())) {
            return new ApiException(code, body.path("reason").asText(), body.path("message").asText(), body);
        }
        String text = raw == null || raw.isBlank() ? "the server responded with status " + code : raw.strip();
        return new ApiException(code, "", text, null);
    }

    /**
     * client-go's error for an answer outside 2xx that carries no Status (apimachinery's NewGenericServerResponse,
     * for a request naming no resource): a reason and message of the status code's own.
     *
     * @param serverMessage the body when it was text, else {@code unknown}
     */
    static ApiException unexpected(int code, String method, String serverMessage) {
        String reason = "";
        String message = "the server responded with the status code " + code + " but did not return more information";
        switch (code) {
            case 409 -> {
                reason = method.equals("POST") ? "AlreadyExists" : "Conflict";
                message = "the server reported a conflict";
            }
            case 404 -> {
                reason = "NotFound";
                message = "the server could not find the requested resource";
            }
            case 400 -> {
                reason = "BadRequest";
                message = "the server rejected our request for an unknown reason";
            }
            case 401 -> {
                reason = "Unauthorized";
                message = "the server has asked for the client to provide credentials";
            }
            case 403 -> {
                reason = "Forbidden";
                message = serverMessage;
            }
            case 406 -> {
                reason = "NotAcceptable";
                message = serverMessage.isEmpty() || serverMessage.equals("unknown")
                        ? "the server was unable to respond with a content type that the client supports" : serverMessage;
            }
            case 415 -> {
                reason = "UnsupportedMediaType";
                message = serverMessage;
            }
            case 405 -> {
                reason = "MethodNotAllowed";
                message = "the server does not allow this method on the requested resource";
            }
            case 422 -> {
                reason = "Invalid";
                message = "the server rejected our request due to an error in our request";
            }
            case 503 -> {
                reason = "ServiceUnavailable";
                message = "the server is currently unable to handle the request";
            }
            case 504 -> {
                reason = "Timeout";
                message = "the server was unable to return a response in the time allotted, but may still be "
                        + "processing the request";
            }
            case 429 -> {
                reason = "TooManyRequests";
                message = "the server has received too many requests and has asked us to try again later";
            }
            default -> {
                if (code >= 500) {
                    reason = "InternalError";
                    message = "an error on the server (" + GoStrings.quote(serverMessage)
                            + ") has prevented the request from succeeding";
                }
            }
        }
        return new ApiException(code, reason, message, null);
    }

    /** The error for a non-2xx {@link Connection.Answer}. */
    public static ApiException ofAnswer(Connection.Answer answer) {
        return of(answer.code(), answer.json(), answer.body());
    }

    public int code() {
        return code;
    }

    /** {@code NotFound}, {@code Conflict}, {@code Invalid}, … or empty when the server gave none. */
    public String reason() {
        return reason;
    }

    public boolean isNotFound() {
        return code == 404;
    }

    public boolean isConflict() {
        return code == 409 && !"AlreadyExists".equals(reason);
    }

    public boolean isInvalid() {
        return code == 422;
    }

    /** The same error with another message (kubectl's builder adds what it was listing, for one). */
    public ApiException withMessage(String message) {
        return new ApiException(code, reason, message, status);
    }

    /** The same error with {@code error when <verb> "<source>": } before the message (kubectl's AddSourceToErr). */
    public ApiException withSource(String verb, String source) {
        return new ApiException(code, reason, sourced(verb, source, getMessage()), status);
    }

    /**
     * kubectl's AddSourceToErr for any error: one from the server keeps its reason (see {@link #withSource}), any
     * other becomes plain text with the same words before it.
     */
    public static RuntimeException withSource(String verb, String source, RuntimeException error) {
        if (error instanceof ApiException api) {
            return api.withSource(verb, source);
        }
        return new IllegalArgumentException(sourced(verb, source, error.getMessage()), error);
    }

    private static String sourced(String verb, String source, String message) {
        return "error when " + verb + " " + GoStrings.quote(source) + ": " + message;
    }

    /**
     * The line kubectl prints for this error (StandardErrorMessage, and the Invalid form of checkErr):
     * {@code Error from server (<reason>): <message>}, or {@code The Deployment "web" is invalid: ...}.
     */
    public String kubectlMessage() {
        if ("Invalid".equals(reason) && status != null) {
            if (status.has("details")) {
                return invalidMessage(status.path("details"));
            }
            return getMessage().isEmpty() ? "The request is invalid" : "The request is invalid: " + getMessage();
        }
        return standardMessage();
    }

    /**
     * kubectl's StandardErrorMessage, the form every server error takes among several (an Invalid one included):
     * {@code Error from server (<reason>): <message>}.
     */
    public String standardMessage() {
        if ("Unauthorized".equals(reason)) {
            return "error: You must be logged in to the server (" + getMessage() + ")";
        }
        return reason.isEmpty() ? "Error from server: " + getMessage()
                : "Error from server (" + reason + "): " + getMessage();
    }

    private String invalidMessage(JsonNode details) {
        String kind = details.path("kind").asText();
        String name = details.path("name").asText();
        JsonNode causes = details.path("causes");
        String head;
        if (!kind.isEmpty() || !name.isEmpty()) {
            head = "The " + kind + " \"" + name + "\" is invalid";
        } else if (!getMessage().isEmpty() && causes.isEmpty()) {
            head = "The request is invalid: " + getMessage();
        } else {
            head = "The request is invalid";
        }
        if (causes.isEmpty()) {
            return head;
        }
        StringBuilder out = new StringBuilder(head).append(": ");
        java.util.LinkedHashSet<String> messages = new java.util.LinkedHashSet<>();
        for (JsonNode cause : causes) {
            messages.add(cause.path("field").asText() + ": " + cause.path("message").asText());
        }
        if (messages.size() == 1) {
            return out.append(messages.iterator().next()).toString();
        }
        out.append("\n");
        for (String message : messages) {
            out.append("* ").append(message).append("\n");
        }
        return out.toString().stripTrailing();
    }
}
