package dev.jctl.runtime.apiserver.protobuf;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jctl.runtime.apiserver.ApiException;
import dev.jctl.runtime.apiserver.Json;

import java.time.Instant;
import java.util.Base64;
import java.util.Map;

import static dev.jctl.runtime.apiserver.protobuf.ProtoSchema.Type.BOOL;
import static dev.jctl.runtime.apiserver.protobuf.ProtoSchema.Type.BYTES_MAP;
import static dev.jctl.runtime.apiserver.protobuf.ProtoSchema.Type.INT;
import static dev.jctl.runtime.apiserver.protobuf.ProtoSchema.Type.INT_OR_STRING;
import static dev.jctl.runtime.apiserver.protobuf.ProtoSchema.Type.QUANTITY_MAP;
import static dev.jctl.runtime.apiserver.protobuf.ProtoSchema.Type.STRING;
import static dev.jctl.runtime.apiserver.protobuf.ProtoSchema.Type.STRING_MAP;
import static dev.jctl.runtime.apiserver.protobuf.ProtoSchema.Type.TIME;

/**
 * Decodes {@code application/vnd.kubernetes.protobuf} request bodies into the JSON the rest of the server
 * handles. kubectl's typed clients ({@code create namespace|configmap|secret|serviceaccount|deployment|service|
 * job|quota}) send protobuf whatever
 * the server prefers; the envelope is {@code "k8s\0"} + runtime.Unknown{typeMeta, raw}. Only the kinds listed
 * here are understood, and within them only the fields listed; anything else set answers 415 rather than being
 * dropped, so the gap is visible.
 */
public final class KubeProtobuf {
    public static final String MEDIA_TYPE = "application/vnd.kubernetes.protobuf";
    private static final byte[] MAGIC = {'k', '8', 's', 0};

    private static final ProtoSchema TYPE_META = new ProtoSchema("TypeMeta")
            .scalar(1, "apiVersion", STRING).scalar(2, "kind", STRING);
    private static final ProtoSchema OWNER_REFERENCE = new ProtoSchema("OwnerReference")
            .scalar(1, "kind", STRING).scalar(3, "name", STRING).scalar(4, "uid", STRING)
            .scalar(5, "apiVersion", STRING).pointer(6, "controller", BOOL).pointer(7, "blockOwnerDeletion", BOOL);
    private static final ProtoSchema OBJECT_META = new ProtoSchema("ObjectMeta")
            .scalar(1, "name", STRING).scalar(2, "generateName", STRING).scalar(3, "namespace", STRING)
            .scalar(5, "uid", STRING).scalar(6, "resourceVersion", STRING).scalar(7, "generation", INT)
            .scalar(8, "creationTimestamp", TIME).scalar(9, "deletionTimestamp", TIME)
            .pointer(10, "deletionGracePeriodSeconds", INT).scalar(11, "labels", STRING_MAP)
            .scalar(12, "annotations", STRING_MAP).repeatedMessage(13, "ownerReferences", OWNER_REFERENCE)
            .repeated(14, "finalizers", STRING);
    private static final ProtoSchema OBJECT_REFERENCE = new ProtoSchema("ObjectReference")
            .scalar(1, "kind", STRING).scalar(2, "namespace", STRING).scalar(3, "name", STRING)
            .scalar(4, "uid", STRING).scalar(5, "apiVersion", STRING).scalar(6, "resourceVersion", STRING)
            .scalar(7, "fieldPath", STRING);

    private static final ProtoSchema LABEL_SELECTOR = new ProtoSchema("LabelSelector")
            .scalar(1, "matchLabels", STRING_MAP)
            .repeatedMessage(2, "matchExpressions", new ProtoSchema("LabelSelectorRequirement")
                    .scalar(1, "key", STRING).scalar(2, "operator", STRING).repeated(3, "values", STRING));
    private static final ProtoSchema CONTAINER = new ProtoSchema("Container")
            .scalar(1, "name", STRING).scalar(2, "image", STRING).repeated(3, "command", STRING)
            .repeated(4, "args", STRING).scalar(5, "workingDir", STRING)
            .repeatedMessage(6, "ports", new ProtoSchema("ContainerPort").scalar(1, "name", STRING)
                    .scalar(2, "hostPort", INT).scalar(3, "containerPort", INT).scalar(4, "protocol", STRING)
                    .scalar(5, "hostIP", STRING))
            .repeatedMessage(7, "env", new ProtoSchema("EnvVar").scalar(1, "name", STRING).scalar(2, "value", STRING))
            .message(8, "resources", new ProtoSchema("ResourceRequirements"))
            .scalar(13, "terminationMessagePath", STRING).scalar(14, "imagePullPolicy", STRING)
            .scalar(16, "stdin", BOOL).scalar(17, "stdinOnce", BOOL).scalar(18, "tty", BOOL)
            .scalar(20, "terminationMessagePolicy", STRING);
    private static final ProtoSchema POD_TEMPLATE = new ProtoSchema("PodTemplateSpec")
            .message(1, "metadata", OBJECT_META)
            .message(2, "spec", new ProtoSchema("PodSpec")
                    .repeatedMessage(2, "containers", CONTAINER).scalar(3, "restartPolicy", STRING)
                    .pointer(4, "terminationGracePeriodSeconds", INT).pointer(5, "activeDeadlineSeconds", INT)
                    .scalar(6, "dnsPolicy", STRING).scalar(7, "nodeSelector", STRING_MAP)
                    .scalar(8, "serviceAccountName", STRING).scalar(10, "nodeName", STRING)
                    .scalar(11, "hostNetwork", BOOL).scalar(19, "schedulerName", STRING)
                    .repeatedMessage(20, "initContainers", CONTAINER)
                    .pointer(30, "enableServiceLinks", BOOL));

    private static final Map<String, ProtoSchema> KINDS = Map.of(
            "v1/ConfigMap", new ProtoSchema("ConfigMap").message(1, "metadata", OBJECT_META).scalar(2, "data", STRING_MAP)
                    .scalar(3, "binaryData", BYTES_MAP).pointer(4, "immutable", BOOL),
            "v1/Secret", new ProtoSchema("Secret").message(1, "metadata", OBJECT_META).scalar(2, "data", BYTES_MAP)
                    .scalar(3, "type", STRING).scalar(4, "stringData", STRING_MAP).pointer(5, "immutable", BOOL),
            "v1/Namespace", new ProtoSchema("Namespace").message(1, "metadata", OBJECT_META)
                    .message(2, "spec", new ProtoSchema("NamespaceSpec").repeated(1, "finalizers", STRING))
                    .message(3, "status", new ProtoSchema("NamespaceStatus").scalar(1, "phase", STRING)),
            "v1/ServiceAccount", new ProtoSchema("ServiceAccount").message(1, "metadata", OBJECT_META)
                    .repeatedMessage(2, "secrets", OBJECT_REFERENCE)
                    .repeatedMessage(3, "imagePullSecrets", new ProtoSchema("LocalObjectReference").scalar(1, "name", STRING))
                    .pointer(4, "automountServiceAccountToken", BOOL),
            "apps/v1/Deployment", new ProtoSchema("Deployment").message(1, "metadata", OBJECT_META)
                    .message(2, "spec", new ProtoSchema("DeploymentSpec")
                            .pointer(1, "replicas", INT).pointerMessage(2, "selector", LABEL_SELECTOR)
                            .message(3, "template", POD_TEMPLATE)
                            .message(4, "strategy", new ProtoSchema("DeploymentStrategy").scalar(1, "type", STRING)
                                    .pointerMessage(2, "rollingUpdate", new ProtoSchema("RollingUpdateDeployment")
                                            .pointer(1, "maxUnavailable", INT_OR_STRING)
                                            .pointer(2, "maxSurge", INT_OR_STRING)))
                            .scalar(5, "minReadySeconds", INT).pointer(6, "revisionHistoryLimit", INT)
                            .scalar(7, "paused", BOOL).pointer(9, "progressDeadlineSeconds", INT))
                    .message(3, "status", new ProtoSchema("DeploymentStatus")),
            "v1/Service", new ProtoSchema("Service").message(1, "metadata", OBJECT_META)
                    .message(2, "spec", new ProtoSchema("ServiceSpec")
                            .repeatedMessage(1, "ports", new ProtoSchema("ServicePort").scalar(1, "name", STRING)
                                    .scalar(2, "protocol", STRING).scalar(3, "port", INT)
                                    .scalar(4, "targetPort", INT_OR_STRING).scalar(5, "nodePort", INT))
                            .scalar(2, "selector", STRING_MAP).scalar(3, "clusterIP", STRING)
                            .scalar(4, "type", STRING).repeated(5, "externalIPs", STRING)
                            .scalar(7, "sessionAffinity", STRING).scalar(10, "externalName", STRING))
                    .message(3, "status", new ProtoSchema("ServiceStatus")
                            .message(1, "loadBalancer", new ProtoSchema("LoadBalancerStatus"))),
            "batch/v1/Job", new ProtoSchema("Job").message(1, "metadata", OBJECT_META)
                    .message(2, "spec", new ProtoSchema("JobSpec")
                            .pointer(1, "parallelism", INT).pointer(2, "completions", INT)
                            .pointer(3, "activeDeadlineSeconds", INT).pointer(7, "backoffLimit", INT)
                            .pointerMessage(4, "selector", LABEL_SELECTOR).pointer(5, "manualSelector", BOOL)
                            .message(6, "template", POD_TEMPLATE).pointer(8, "ttlSecondsAfterFinished", INT)
                            .pointer(9, "completionMode", STRING).pointer(10, "suspend", BOOL))
                    .message(3, "status", new ProtoSchema("JobStatus")),
            "v1/ResourceQuota", new ProtoSchema("ResourceQuota").message(1, "metadata", OBJECT_META)
                    .message(2, "spec", new ProtoSchema("ResourceQuotaSpec").scalar(1, "hard", QUANTITY_MAP)
                            .repeated(2, "scopes", STRING)
                            .pointerMessage(3, "scopeSelector", new ProtoSchema("ScopeSelector")
                                    .repeatedMessage(1, "matchExpressions",
                                            new ProtoSchema("ScopedResourceSelectorRequirement")
                                                    .scalar(1, "scopeName", STRING).scalar(2, "operator", STRING)
                                                    .repeated(3, "values", STRING))))
                    .message(3, "status", new ProtoSchema("ResourceQuotaStatus").scalar(1, "hard", QUANTITY_MAP)
                            .scalar(2, "used", QUANTITY_MAP)));

    private KubeProtobuf() {
    }

    public static boolean isProtobuf(String contentType) {
        return contentType != null && contentType.trim().toLowerCase().startsWith(MEDIA_TYPE);
    }

    /** The JSON form of a protobuf-encoded object. */
    public static ObjectNode toJson(byte[] body) {
        if (body.length < MAGIC.length || !java.util.Arrays.equals(body, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
            throw ApiException.badRequest("the body is not a Kubernetes protobuf object (no k8s magic)");
        }
        try {
            ObjectNode unknown = Json.object();
            byte[] raw = null;
            ProtoReader reader = new ProtoReader(body, MAGIC.length, body.length - MAGIC.length);
            while (reader.hasMore()) {
                long tag = reader.varint();
                int number = (int) (tag >>> 3);
                if (number == 1 && (tag & 7) == ProtoReader.LENGTH_DELIMITED) {
                    unknown = decode(reader.message(), TYPE_META);
                } else if (number == 2 && (tag & 7) == ProtoReader.LENGTH_DELIMITED) {
                    raw = reader.bytes();
                } else {
                    reader.skip((int) (tag & 7));
                }
            }
            String apiVersion = unknown.path("apiVersion").asText();
            String kind = unknown.path("kind").asText();
            ProtoSchema schema = KINDS.get(apiVersion + "/" + kind);
            if (schema == null || raw == null) {
                throw unsupported(apiVersion + " " + kind);
            }
            ObjectNode object = Json.object();
            object.put("apiVersion", apiVersion).put("kind", kind);
            object.setAll(decode(new ProtoReader(raw, 0, raw.length), schema));
            return object;
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("malformed protobuf body: " + e.getMessage());
        }
    }

    private static ApiException unsupported(String what) {
        return new ApiException(415, "UnsupportedMediaType", "the protobuf encoding of " + what
                + " is not supported; send application/json", null, null, null, java.util.List.of());
    }

    private static ObjectNode decode(ProtoReader reader, ProtoSchema schema) {
        ObjectNode object = Json.object();
        while (reader.hasMore()) {
            long tag = reader.varint();
            int wireType = (int) (tag & 7);
            ProtoSchema.Field field = schema.field((int) (tag >>> 3));
            if (field == null) {
                // dropping a field the client set would lose data silently; zero values Go writes anyway are fine
                if (!reader.skipIsZero(wireType)) {
                    throw unsupported("field " + (tag >>> 3) + " of " + schema.name());
                }
                continue;
            }
            JsonNode value = value(reader, field);
            if (field.repeated()) {
                ((ArrayNode) (object.has(field.name()) ? object.get(field.name()) : object.putArray(field.name())))
                        .add(value);
            } else if (field.type() == STRING_MAP || field.type() == BYTES_MAP || field.type() == QUANTITY_MAP) {
                ObjectNode map = object.has(field.name()) ? (ObjectNode) object.get(field.name())
                        : object.putObject(field.name());
                map.setAll((ObjectNode) value);
            } else if (field.pointer() || !isZero(value)) {
                object.set(field.name(), value);
            }
        }
        return object;
    }

    private static JsonNode value(ProtoReader reader, ProtoSchema.Field field) {
        return switch (field.type()) {
            case STRING -> Json.MAPPER.getNodeFactory().textNode(reader.string());
            case BYTES -> Json.MAPPER.getNodeFactory().textNode(Base64.getEncoder().encodeToString(reader.bytes()));
            case INT -> Json.MAPPER.getNodeFactory().numberNode(reader.varint());
            case BOOL -> Json.MAPPER.getNodeFactory().booleanNode(reader.varint() != 0);
            case TIME -> time(reader.message());
            case MESSAGE -> decode(reader.message(), field.message());
            case STRING_MAP, BYTES_MAP, QUANTITY_MAP -> mapEntry(reader.message(), field.type());
            case INT_OR_STRING -> intOrString(reader.message());
        };
    }

    private static JsonNode time(ProtoReader reader) {
        long seconds = 0;
        while (reader.hasMore()) {
            long tag = reader.varint();
            if ((tag >>> 3) == 1) {
                seconds = reader.varint();
            } else {
                reader.skip((int) (tag & 7));
            }
        }
        return seconds == 0 ? Json.MAPPER.getNodeFactory().nullNode()
                : Json.MAPPER.getNodeFactory().textNode(Instant.ofEpochSecond(seconds).toString());
    }

    /** intstr.IntOrString {type 1 (0 int, 1 string), intVal 2, strVal 3} becomes a JSON number or string. */
    private static JsonNode intOrString(ProtoReader reader) {
        long type = 0;
        long intVal = 0;
        String strVal = "";
        while (reader.hasMore()) {
            long tag = reader.varint();
            switch ((int) (tag >>> 3)) {
                case 1 -> type = reader.varint();
                case 2 -> intVal = reader.varint();
                case 3 -> strVal = reader.string();
                default -> reader.skip((int) (tag & 7));
            }
        }
        return type == 1 ? Json.MAPPER.getNodeFactory().textNode(strVal)
                : Json.MAPPER.getNodeFactory().numberNode((int) intVal);
    }

    /** A map entry {key 1, value 2}; a Quantity value is the message {string 1}. */
    private static ObjectNode mapEntry(ProtoReader reader, ProtoSchema.Type type) {
        String key = "";
        String value = "";
        while (reader.hasMore()) {
            long tag = reader.varint();
            long number = tag >>> 3;
            if (number == 1) {
                key = reader.string();
            } else if (number == 2) {
                value = switch (type) {
                    case BYTES_MAP -> Base64.getEncoder().encodeToString(reader.bytes());
                    case QUANTITY_MAP -> quantity(reader.message());
                    default -> reader.string();
                };
            } else {
                reader.skip((int) (tag & 7));
            }
        }
        ObjectNode entry = Json.object();
        entry.put(key, value);
        return entry;
    }

    private static String quantity(ProtoReader reader) {
        String value = "";
        while (reader.hasMore()) {
            long tag = reader.varint();
            if ((tag >>> 3) == 1) {
                value = reader.string();
            } else {
                reader.skip((int) (tag & 7));
            }
        }
        return value;
    }

    private static boolean isZero(JsonNode value) {
        return value.isNull() || (value.isTextual() && value.asText().isEmpty())
                || (value.isNumber() && value.asLong() == 0) || (value.isBoolean() && !value.asBoolean());
    }
}
