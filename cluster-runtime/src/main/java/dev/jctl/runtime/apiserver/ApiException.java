package dev.jctl.runtime.apiserver;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jctl.diff.io.GoStrings;

import java.util.List;

/**
 * A request failure that becomes a {@code Status} object, worded and coded like kube-apiserver's
 * (k8s.io/apimachinery/pkg/api/errors) so that kubectl prints {@code Error from server (Reason): message}.
 */
public final class ApiException extends RuntimeException {
    /** One field-level problem of an Invalid error. */
    public record Cause(String reason, String message, String field) {
    }

    private final int code;
    private final String reason;
    private final String group;
    private final String kind;
    private final String name;
    private final List<Cause> causes;

    public ApiException(int code, String reason, String message, String group, String kind, String name,
                        List<Cause> causes) {
        super(message);
        this.code = code;
        this.reason = reason;
        this.group = group;
        this.kind = kind;
        this.name = name;
        this.causes = List.copyOf(causes);
    }

    private static String qualified(String resource, String group) {
        return group == null || group.isEmpty() ? resource : resource + "." + group;
    }

    public static ApiException notFound(String group, String resource, String name) {
        return new ApiException(404, "NotFound", qualified(resource, group) + " \"" + name + "\" not found",
                group, resource, name, List.of());
    }

    public static ApiException noSuchResource() {
        return new ApiException(404, "NotFound", "the server could not find the requested resource",
                null, null, null, List.of());
    }

    public static ApiException alreadyExists(String group, String resource, String name) {
        return new ApiException(409, "AlreadyExists", qualified(resource, group) + " \"" + name
                + "\" already exists", group, resource, name, List.of());
    }

    public static ApiException conflict(String group, String resource, String name) {
        return new ApiException(409, "Conflict", "Operation cannot be fulfilled on " + qualified(resource, group)
                + " \"" + name + "\": the object has been modified; please apply your changes to the latest"
                + " version and try again", group, resource, name, List.of());
    }

    public static ApiException conflict(String group, String resource, String name, String why) {
        return new ApiException(409, "Conflict", "Operation cannot be fulfilled on " + qualified(resource, group)
                + " \"" + name + "\": " + why, group, resource, name, List.of());
    }

    /**
     * {@code kind} here is the Kind (e.g. ConfigMap); the message names it with its group
     * ({@code Deployment.apps "web" is invalid: ...}), as upstream's NewInvalid words it.
     */
    public static ApiException invalid(String group, String kind, String name, List<Cause> causes) {
        StringBuilder message = new StringBuilder(qualified(kind, group)).append(" \"").append(name)
                .append("\" is invalid: ");
        if (causes.size() == 1) {
            Cause c = causes.get(0);
            message.append(c.field()).append(": ").append(c.message());
        } else {
            message.append('[');
            for (int i = 0; i < causes.size(); i++) {
                Cause c = causes.get(i);
                message.append(i == 0 ? "" : ", ").append(c.field()).append(": ").append(c.message());
            }
            message.append(']');
        }
        return new ApiException(422, "Invalid", message.toString(), group, kind, name, causes);
    }

    public static ApiException badRequest(String message) {
        return new ApiException(400, "BadRequest", message, null, null, null, List.of());
    }

    public static ApiException unauthorized() {
        return new ApiException(401, "Unauthorized", "Unauthorized", null, null, null, List.of());
    }

    public static ApiException methodNotAllowed() {
        return new ApiException(405, "MethodNotAllowed",
                "the server does not allow this method on the requested resource", null, null, null, List.of());
    }

    public static ApiException gone(String message) {
        return new ApiException(410, "Expired", message, null, null, null, List.of());
    }

    public static ApiException tooLarge() {
        return new ApiException(413, "RequestEntityTooLarge",
                "Request entity too large: limit is 3145728", null, null, null, List.of());
    }

    /** 415 naming the media types the endpoint accepts, as negotiation.NewUnsupportedMediaTypeError words it. */
    public static ApiException unsupportedMediaType(List<String> accepted) {
        return new ApiException(415, "UnsupportedMediaType", "the body of the request was in an unknown format"
                + " - accepted media types include: " + String.join(", ", accepted), null, null, null, List.of());
    }

    /**
     * 422 for a JSON patch that does not apply to the object: upstream answers with errors.NewGenericServerResponse,
     * whose fixed message drops the patch library's reason, and empty details.
     */
    public static ApiException patchDoesNotApply() {
        return new ApiException(422, "Invalid", "the server rejected our request due to an error in our request",
                null, null, "", List.of());
    }

    /**
     * A patch whose result does not decode: {@code errors.NewInvalid(schema.GroupKind{}, "",
     * field.Invalid(field.NewPath("patch"), value, detail))}, an Invalid with no kind and no name, the value quoted
     * as Go's %q quotes it.
     */
    public static ApiException invalidPatch(String value, String detail) {
        String message = "Invalid value: " + GoStrings.quote(value) + ": " + detail;
        return new ApiException(422, "Invalid", " \"\" is invalid: patch: " + message, null, null, null,
                List.of(new Cause("FieldValueInvalid", message, "patch")));
    }

    /** A plain Go error that reached the handler: 500 with no reason, the error's text as the message. */
    public static ApiException unknown(String message) {
        return new ApiException(500, "", message, null, null, null, List.of());
    }

    public static ApiException internal(String message) {
        return new ApiException(500, "InternalError", "Internal error occurred: " + message, null, null, null,
                List.of());
    }

    public int code() {
        return code;
    }

    public String reason() {
        return reason;
    }

    /** The {@code Status} object kube-apiserver would answer with. */
    public ObjectNode toStatus() {
        ObjectNode status = Json.object();
        status.put("kind", "Status").put("apiVersion", "v1");
        status.putObject("metadata");
        status.put("status", "Failure").put("message", getMessage());
        if (!reason.isEmpty()) {
            // a plain Go error becomes a Status with no reason (StatusReasonUnknown, omitted when empty)
            status.put("reason", reason);
        }
        // an empty name still makes the (then empty) details object that Go writes for a non-nil StatusDetails
        if (name != null || kind != null || !causes.isEmpty()) {
            ObjectNode details = status.putObject("details");
            if (name != null && !name.isEmpty()) {
                details.put("name", name);
            }
            if (group != null && !group.isEmpty()) {
                details.put("group", group);
            }
            if (kind != null) {
                details.put("kind", kind);
            }
            if (!causes.isEmpty()) {
                ArrayNode array = details.putArray("causes");
                for (Cause c : causes) {
                    array.addObject().put("reason", c.reason()).put("message", c.message()).put("field", c.field());
                }
            }
        }
        status.put("code", code);
        return status;
    }
}
