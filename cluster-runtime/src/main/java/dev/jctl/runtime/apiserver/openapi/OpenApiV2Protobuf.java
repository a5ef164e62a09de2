package dev.jctl.runtime.apiserver.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.protobuf.ByteString;
import com.google.protobuf.CodedOutputStream;
import dev.jctl.diff.io.YamlWriter;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A Swagger 2.0 document as the protobuf message {@code openapi.v2.Document} of gnostic
 * (github.com/google/gnostic-models, openapiv2/OpenAPIv2.proto), which is what kube-apiserver serves at
 * {@code /openapi/v2} for {@code Accept: application/com.github.proto-openapi.spec.v2@v1.0+protobuf} and what
 * kubectl's client-side validation reads. The mapping is gnostic's: JSON maps become repeated {@code NamedX}
 * {name 1, value 2} entries in document order, {@code x-} keys become {@code NamedAny} whose {@code Any.yaml} holds
 * the value as YAML, one-of messages (parameters, schema items, security schemes) are chosen as gnostic chooses
 * them, and proto3 leaves out zero values. A key the Swagger 2.0 model does not have is refused, as gnostic
 * refuses to parse such a document.
 */
public final class OpenApiV2Protobuf {
    private static final YamlWriter YAML = YamlWriter.treeOrder();

    private OpenApiV2Protobuf() {
    }

    /** The encoded {@code openapi.v2.Document}. */
    public static byte[] encode(JsonNode swagger) {
        return DOCUMENT.encode(swagger, "$").toByteArray();
    }

    /** Encodes one JSON value as one message; {@code path} names the value in errors. */
    @FunctionalInterface
    private interface Encoder {
        ByteString encode(JsonNode value, String path);
    }

    /** What a field holds; EXTENSIONS stands for the message's {@code x-} keys, gathered into one repeated field. */
    private enum Kind { STRING, BOOL, DOUBLE, INT64, STRINGS, ANY, ANYS, MESSAGE, MESSAGES, EXTENSIONS }

    private record Field(String key, int number, Kind kind, Encoder message) {
    }

    /** A message whose fields are named by JSON keys, written in field-number order. */
    private static final class Message implements Encoder {
        private final String name;
        private final Map<String, Field> fields = new LinkedHashMap<>();
        private boolean extensions;
        /** The fields by number, the order Go's proto.Marshal writes them in; made on first use. */
        private volatile List<Field> ordered;

        Message(String name) {
            this.name = name;
        }

        Message field(int number, String key, Kind kind) {
            fields.put(key, new Field(key, number, kind, null));
            return this;
        }

        Message message(int number, String key, Kind kind, Encoder message) {
            fields.put(key, new Field(key, number, kind, message));
            return this;
        }

        /** The field number of {@code repeated NamedAny vendor_extension}. */
        Message extensions(int number) {
            this.extensions = true;
            fields.put("x-", new Field("x-", number, Kind.EXTENSIONS, null));
            return this;
        }

        private List<Field> ordered() {
            if (ordered == null) {
                List<Field> sorted = new ArrayList<>(fields.values());
                sorted.sort((a, b) -> Integer.compare(a.number(), b.number()));
                ordered = List.copyOf(sorted);
            }
            return ordered;
        }

        @Override
        public ByteString encode(JsonNode value, String path) {
            requireObject(value, path, name);
            for (Iterator<String> keys = value.fieldNames(); keys.hasNext(); ) {
                String key = keys.next();
                if (key.startsWith("x-") ? !extensions : !fields.containsKey(key)) {
                    throw new IllegalArgumentException(path + " has invalid property: " + key + " (" + name + ")");
                }
            }
            return write(out -> {
                for (Field field : ordered()) {
                    if (field.kind() == Kind.EXTENSIONS) {
                        writeExtensions(out, field.number(), value);
                    } else if (value.has(field.key())) {
                        writeField(out, field, value.get(field.key()), path + "." + field.key());
                    }
                }
            });
        }
    }

    @FunctionalInterface
    private interface Body {
        void write(CodedOutputStream out) throws IOException;
    }

    private static ByteString write(Body body) {
        ByteString.Output bytes = ByteString.newOutput();
        CodedOutputStream out = CodedOutputStream.newInstance(bytes);
        try {
            body.write(out);
            out.flush();
        } catch (IOException e) {
            throw new IllegalStateException("writing to memory cannot fail", e);
        }
        return bytes.toByteString();
    }

    /** One field of any kind but EXTENSIONS, which {@link #writeExtensions} writes from the whole object. */
    private static void writeField(CodedOutputStream out, Field field, JsonNode value, String path)
            throws IOException {
        int n = field.number();
        switch (field.kind()) {
            case STRING -> {
                String text = text(value, path);
                if (!text.isEmpty()) {
                    out.writeString(n, text);
                }
            }
            case BOOL -> {
                if (bool(value, path)) {
                    out.writeBool(n, true);
                }
            }
            case DOUBLE -> {
                double d = number(value, path).doubleValue();
                if (d != 0) {
                    out.writeDouble(n, d);
                }
            }
            case INT64 -> {
                long l = number(value, path).longValue();
                if (l != 0) {
                    out.writeInt64(n, l);
                }
            }
            case STRINGS -> {
                requireArray(value, path);
                for (JsonNode item : value) {
                    out.writeString(n, text(item, path + "[]"));
                }
            }
            case ANY -> out.writeBytes(n, any(value));
            case ANYS -> {
                requireArray(value, path);
                for (JsonNode item : value) {
                    out.writeBytes(n, any(item));
                }
            }
            case MESSAGE -> out.writeBytes(n, field.message().encode(value, path));
            case MESSAGES -> {
                requireArray(value, path);
                int i = 0;
                for (JsonNode item : value) {
                    out.writeBytes(n, field.message().encode(item, path + "[" + i++ + "]"));
                }
            }
        }
    }

    /** {@code Any {yaml 2}}: gnostic keeps values it has no model for as their YAML text. */
    private static ByteString any(JsonNode value) {
        return write(out -> out.writeString(2, YAML.write(value)));
    }

    private static void writeExtensions(CodedOutputStream out, int number, JsonNode object) throws IOException {
        for (Map.Entry<String, JsonNode> e : object.properties()) {
            if (e.getKey().startsWith("x-")) {
                out.writeBytes(number, named(e.getKey(), any(e.getValue())));
            }
        }
    }

    private static ByteString named(String name, ByteString value) {
        return write(out -> {
            out.writeString(1, name);
            out.writeBytes(2, value);
        });
    }

    /**
     * A JSON map as the message {@code {repeated NamedX additional_properties = 1}}: one {name, value} entry per
     * key, in document order.
     */
    private static Encoder namedMap(String name, Encoder values) {
        return (value, path) -> {
            requireObject(value, path, name);
            return write(out -> {
                for (Map.Entry<String, JsonNode> e : value.properties()) {
                    out.writeBytes(1, named(e.getKey(), values.encode(e.getValue(), path + "." + e.getKey())));
                }
            });
        };
    }

    /** {@code oneof} wrappers: the chosen alternative as field {@code number} of the wrapping message. */
    private static ByteString oneOf(int number, ByteString alternative) {
        return write(out -> out.writeBytes(number, alternative));
    }

    private static final Encoder ANY_VALUE = (value, path) -> any(value);
    private static final Message EXTERNAL_DOCS = new Message("ExternalDocs")
            .field(1, "description", Kind.STRING).field(2, "url", Kind.STRING).extensions(3);
    private static final Message XML = new Message("Xml")
            .field(1, "name", Kind.STRING).field(2, "namespace", Kind.STRING).field(3, "prefix", Kind.STRING)
            .field(4, "attribute", Kind.BOOL).field(5, "wrapped", Kind.BOOL).extensions(6);
    private static final Message JSON_REFERENCE = new Message("JsonReference")
            .field(1, "$ref", Kind.STRING).field(2, "description", Kind.STRING);

    private static final Message SCHEMA = new Message("Schema");
    private static final Encoder TYPE_ITEM = (value, path) -> write(out -> {
        if (value.isArray()) {
            for (JsonNode type : value) {
                out.writeString(1, text(type, path + "[]"));
            }
        } else {
            out.writeString(1, text(value, path));
        }
    });
    private static final Encoder ITEMS_ITEM = (value, path) -> write(out -> {
        if (value.isArray()) {
            int i = 0;
            for (JsonNode item : value) {
                out.writeBytes(1, SCHEMA.encode(item, path + "[" + i++ + "]"));
            }
        } else {
            out.writeBytes(1, SCHEMA.encode(value, path));
        }
    });
    private static final Encoder ADDITIONAL_PROPERTIES = (value, path) -> value.isBoolean()
            ? write(out -> out.writeBool(2, value.asBoolean()))
            : oneOf(1, SCHEMA.encode(value, path));

    static {
        SCHEMA.field(1, "$ref", Kind.STRING).field(2, "format", Kind.STRING).field(3, "title", Kind.STRING)
                .field(4, "description", Kind.STRING).field(5, "default", Kind.ANY)
                .field(6, "multipleOf", Kind.DOUBLE).field(7, "maximum", Kind.DOUBLE)
                .field(8, "exclusiveMaximum", Kind.BOOL).field(9, "minimum", Kind.DOUBLE)
                .field(10, "exclusiveMinimum", Kind.BOOL).field(11, "maxLength", Kind.INT64)
                .field(12, "minLength", Kind.INT64).field(13, "pattern", Kind.STRING)
                .field(14, "maxItems", Kind.INT64).field(15, "minItems", Kind.INT64)
                .field(16, "uniqueItems", Kind.BOOL).field(17, "maxProperties", Kind.INT64)
                .field(18, "minProperties", Kind.INT64).field(19, "required", Kind.STRINGS)
                .field(20, "enum", Kind.ANYS)
                .message(21, "additionalProperties", Kind.MESSAGE, ADDITIONAL_PROPERTIES)
                .message(22, "type", Kind.MESSAGE, TYPE_ITEM)
                .message(23, "items", Kind.MESSAGE, ITEMS_ITEM)
                .message(24, "allOf", Kind.MESSAGES, SCHEMA)
                .message(25, "properties", Kind.MESSAGE, namedMap("Properties", SCHEMA))
                .field(26, "discriminator", Kind.STRING).field(27, "readOnly", Kind.BOOL)
                .message(28, "xml", Kind.MESSAGE, XML)
                .message(29, "externalDocs", Kind.MESSAGE, EXTERNAL_DOCS)
                .field(30, "example", Kind.ANY).extensions(31);
    }

    private static final Message FILE_SCHEMA = new Message("FileSchema")
            .field(1, "format", Kind.STRING).field(2, "title", Kind.STRING).field(3, "description", Kind.STRING)
            .field(4, "default", Kind.ANY).field(5, "required", Kind.STRINGS).field(6, "type", Kind.STRING)
            .field(7, "readOnly", Kind.BOOL).message(8, "externalDocs", Kind.MESSAGE, EXTERNAL_DOCS)
            .field(9, "example", Kind.ANY).extensions(10);
    /** SchemaItem: a response schema of type "file" is a FileSchema (2), any other a Schema (1). */
    private static final Encoder SCHEMA_ITEM = (value, path) -> "file".equals(value.path("type").asText())
            ? oneOf(2, FILE_SCHEMA.encode(value, path))
            : oneOf(1, SCHEMA.encode(value, path));

    private static final Message PRIMITIVES_ITEMS = new Message("PrimitivesItems");

    static {
        PRIMITIVES_ITEMS.field(1, "type", Kind.STRING).field(2, "format", Kind.STRING)
                .message(3, "items", Kind.MESSAGE, PRIMITIVES_ITEMS).field(4, "collectionFormat", Kind.STRING)
                .field(5, "default", Kind.ANY);
        validations(PRIMITIVES_ITEMS, 6);
        PRIMITIVES_ITEMS.extensions(18);
    }

    /** The validation keywords every non-body parameter, header and primitive item has, from {@code first} on. */
    private static void validations(Message message, int first) {
        message.field(first, "maximum", Kind.DOUBLE).field(first + 1, "exclusiveMaximum", Kind.BOOL)
                .field(first + 2, "minimum", Kind.DOUBLE).field(first + 3, "exclusiveMinimum", Kind.BOOL)
                .field(first + 4, "maxLength", Kind.INT64).field(first + 5, "minLength", Kind.INT64)
                .field(first + 6, "pattern", Kind.STRING).field(first + 7, "maxItems", Kind.INT64)
                .field(first + 8, "minItems", Kind.INT64).field(first + 9, "uniqueItems", Kind.BOOL)
                .field(first + 10, "enum", Kind.ANYS).field(first + 11, "multipleOf", Kind.DOUBLE);
    }

    /** Header and path parameters: {required, in, description, name, type, format, items, ...}. */
    private static Message headerOrPathParameter(String name) {
        Message m = new Message(name).field(1, "required", Kind.BOOL).field(2, "in", Kind.STRING)
                .field(3, "description", Kind.STRING).field(4, "name", Kind.STRING).field(5, "type", Kind.STRING)
                .field(6, "format", Kind.STRING).message(7, "items", Kind.MESSAGE, PRIMITIVES_ITEMS)
                .field(8, "collectionFormat", Kind.STRING).field(9, "default", Kind.ANY);
        validations(m, 10);
        return m.extensions(22);
    }

    /** Query and form parameters, which have allowEmptyValue at 5 and so every later field one further. */
    private static Message queryOrFormParameter(String name) {
        Message m = new Message(name).field(1, "required", Kind.BOOL).field(2, "in", Kind.STRING)
                .field(3, "description", Kind.STRING).field(4, "name", Kind.STRING)
                .field(5, "allowEmptyValue", Kind.BOOL).field(6, "type", Kind.STRING).field(7, "format", Kind.STRING)
                .message(8, "items", Kind.MESSAGE, PRIMITIVES_ITEMS).field(9, "collectionFormat", Kind.STRING)
                .field(10, "default", Kind.ANY);
        validations(m, 11);
        return m.extensions(23);
    }

    private static final Message HEADER_PARAMETER = headerOrPathParameter("HeaderParameterSubSchema");
    private static final Message PATH_PARAMETER = headerOrPathParameter("PathParameterSubSchema");
    private static final Message QUERY_PARAMETER = queryOrFormParameter("QueryParameterSubSchema");
    private static final Message FORM_PARAMETER = queryOrFormParameter("FormDataParameterSubSchema");
    private static final Message BODY_PARAMETER = new Message("BodyParameter")
            .field(1, "description", Kind.STRING).field(2, "name", Kind.STRING).field(3, "in", Kind.STRING)
            .field(4, "required", Kind.BOOL).message(5, "schema", Kind.MESSAGE, SCHEMA).extensions(6);

    /** Parameter {body_parameter 1 | non_body_parameter 2 {header 1 | formData 2 | query 3 | path 4}}. */
    private static final Encoder PARAMETER = (value, path) -> {
        requireObject(value, path, "Parameter");
        String in = value.path("in").asText();
        return switch (in) {
            case "body" -> oneOf(1, BODY_PARAMETER.encode(value, path));
            case "header" -> oneOf(2, oneOf(1, HEADER_PARAMETER.encode(value, path)));
            case "formData" -> oneOf(2, oneOf(2, FORM_PARAMETER.encode(value, path)));
            case "query" -> oneOf(2, oneOf(3, QUERY_PARAMETER.encode(value, path)));
            case "path" -> oneOf(2, oneOf(4, PATH_PARAMETER.encode(value, path)));
            default -> throw new IllegalArgumentException(path + ".in is \"" + in
                    + "\": must be body, header, formData, query or path");
        };
    };
    /** ParametersItem {parameter 1 | json_reference 2}. */
    private static final Encoder PARAMETERS_ITEM = (value, path) -> value.has("$ref")
            ? oneOf(2, JSON_REFERENCE.encode(value, path))
            : oneOf(1, PARAMETER.encode(value, path));

    private static final Message HEADER = new Message("Header").field(1, "type", Kind.STRING)
            .field(2, "format", Kind.STRING).message(3, "items", Kind.MESSAGE, PRIMITIVES_ITEMS)
            .field(4, "collectionFormat", Kind.STRING).field(5, "default", Kind.ANY);

    static {
        validations(HEADER, 6);
        HEADER.field(18, "description", Kind.STRING).extensions(19);
    }

    private static final Message RESPONSE = new Message("Response").field(1, "description", Kind.STRING)
            .message(2, "schema", Kind.MESSAGE, SCHEMA_ITEM)
            .message(3, "headers", Kind.MESSAGE, namedMap("Headers", HEADER))
            .message(4, "examples", Kind.MESSAGE, namedMap("Examples", ANY_VALUE)).extensions(5);
    /** ResponseValue {response 1 | json_reference 2}. */
    private static final Encoder RESPONSE_VALUE = (value, path) -> value.has("$ref")
            ? oneOf(2, JSON_REFERENCE.encode(value, path))
            : oneOf(1, RESPONSE.encode(value, path));
    /** Responses {repeated NamedResponseValue response_code 1; repeated NamedAny vendor_extension 2}. */
    private static final Encoder RESPONSES = (value, path) -> {
        requireObject(value, path, "Responses");
        return write(out -> {
            for (Map.Entry<String, JsonNode> e : value.properties()) {
                if (!e.getKey().startsWith("x-")) {
                    out.writeBytes(1, named(e.getKey(), RESPONSE_VALUE.encode(e.getValue(), path + "." + e.getKey())));
                }
            }
            writeExtensions(out, 2, value);
        });
    };

    /** SecurityRequirement: scheme name to the scopes it needs, as NamedStringArray {name, StringArray {value}}. */
    private static final Encoder SECURITY_REQUIREMENT = namedMap("SecurityRequirement",
            (value, path) -> write(out -> {
                requireArray(value, path);
                for (JsonNode scope : value) {
                    out.writeString(1, text(scope, path + "[]"));
                }
            }));
    private static final Encoder OAUTH2_SCOPES = namedMap("Oauth2Scopes",
            (value, path) -> ByteString.copyFromUtf8(text(value, path)));

    private static final Message OPERATION = new Message("Operation").field(1, "tags", Kind.STRINGS)
            .field(2, "summary", Kind.STRING).field(3, "description", Kind.STRING)
            .message(4, "externalDocs", Kind.MESSAGE, EXTERNAL_DOCS).field(5, "operationId", Kind.STRING)
            .field(6, "produces", Kind.STRINGS).field(7, "consumes", Kind.STRINGS)
            .message(8, "parameters", Kind.MESSAGES, PARAMETERS_ITEM)
            .message(9, "responses", Kind.MESSAGE, RESPONSES).field(10, "schemes", Kind.STRINGS)
            .field(11, "deprecated", Kind.BOOL).message(12, "security", Kind.MESSAGES, SECURITY_REQUIREMENT)
            .extensions(13);
    private static final Message PATH_ITEM = new Message("PathItem").field(1, "$ref", Kind.STRING)
            .message(2, "get", Kind.MESSAGE, OPERATION).message(3, "put", Kind.MESSAGE, OPERATION)
            .message(4, "post", Kind.MESSAGE, OPERATION).message(5, "delete", Kind.MESSAGE, OPERATION)
            .message(6, "options", Kind.MESSAGE, OPERATION).message(7, "head", Kind.MESSAGE, OPERATION)
            .message(8, "patch", Kind.MESSAGE, OPERATION)
            .message(9, "parameters", Kind.MESSAGES, PARAMETERS_ITEM).extensions(10);
    /** Paths {repeated NamedAny vendor_extension 1; repeated NamedPathItem path 2}. */
    private static final Encoder PATHS = (value, path) -> {
        requireObject(value, path, "Paths");
        return write(out -> {
            writeExtensions(out, 1, value);
            for (Map.Entry<String, JsonNode> e : value.properties()) {
                if (!e.getKey().startsWith("x-")) {
                    if (!e.getKey().startsWith("/")) {
                        throw new IllegalArgumentException(path + " has invalid property: " + e.getKey()
                                + " (Paths: a path starts with /)");
                    }
                    out.writeBytes(2, named(e.getKey(), PATH_ITEM.encode(e.getValue(), path + "." + e.getKey())));
                }
            }
        });
    };

    /** SecurityDefinitionsItem: the scheme chosen by type, and for oauth2 by flow. */
    private static final Encoder SECURITY_SCHEME = (value, path) -> {
        requireObject(value, path, "SecurityDefinitionsItem");
        String type = value.path("type").asText();
        String flow = value.path("flow").asText();
        Message scheme = new Message("SecurityDefinitionsItem").field(1, "type", Kind.STRING);
        int choice;
        switch (type + "/" + (type.equals("oauth2") ? flow : "")) {
            case "basic/" -> {
                choice = 1;
                scheme.field(2, "description", Kind.STRING).extensions(3);
            }
            case "apiKey/" -> {
                choice = 2;
                scheme.field(2, "name", Kind.STRING).field(3, "in", Kind.STRING)
                        .field(4, "description", Kind.STRING).extensions(5);
            }
            case "oauth2/implicit" -> {
                choice = 3;
                scheme.field(2, "flow", Kind.STRING).message(3, "scopes", Kind.MESSAGE, OAUTH2_SCOPES)
                        .field(4, "authorizationUrl", Kind.STRING).field(5, "description", Kind.STRING)
                        .extensions(6);
            }
            case "oauth2/password", "oauth2/application" -> {
                choice = flow.equals("password") ? 4 : 5;
                scheme.field(2, "flow", Kind.STRING).message(3, "scopes", Kind.MESSAGE, OAUTH2_SCOPES)
                        .field(4, "tokenUrl", Kind.STRING).field(5, "description", Kind.STRING).extensions(6);
            }
            case "oauth2/accessCode" -> {
                choice = 6;
                scheme.field(2, "flow", Kind.STRING).message(3, "scopes", Kind.MESSAGE, OAUTH2_SCOPES)
                        .field(4, "authorizationUrl", Kind.STRING).field(5, "tokenUrl", Kind.STRING)
                        .field(6, "description", Kind.STRING).extensions(7);
            }
            default -> throw new IllegalArgumentException(path + " is a security scheme of type \"" + type
                    + "\"" + (flow.isEmpty() ? "" : " and flow \"" + flow + "\"") + ", which Swagger 2.0 has not");
        }
        return oneOf(choice, scheme.encode(value, path));
    };

    private static final Message TAG = new Message("Tag").field(1, "name", Kind.STRING)
            .field(2, "description", Kind.STRING).message(3, "externalDocs", Kind.MESSAGE, EXTERNAL_DOCS)
            .extensions(4);
    private static final Message INFO = new Message("Info").field(1, "title", Kind.STRING)
            .field(2, "version", Kind.STRING).field(3, "description", Kind.STRING)
            .field(4, "termsOfService", Kind.STRING)
            .message(5, "contact", Kind.MESSAGE, new Message("Contact").field(1, "name", Kind.STRING)
                    .field(2, "url", Kind.STRING).field(3, "email", Kind.STRING).extensions(4))
            .message(6, "license", Kind.MESSAGE, new Message("License").field(1, "name", Kind.STRING)
                    .field(2, "url", Kind.STRING).extensions(3))
            .extensions(7);
    private static final Message DOCUMENT = new Message("Document").field(1, "swagger", Kind.STRING)
            .message(2, "info", Kind.MESSAGE, INFO).field(3, "host", Kind.STRING).field(4, "basePath", Kind.STRING)
            .field(5, "schemes", Kind.STRINGS).field(6, "consumes", Kind.STRINGS).field(7, "produces", Kind.STRINGS)
            .message(8, "paths", Kind.MESSAGE, PATHS)
            .message(9, "definitions", Kind.MESSAGE, namedMap("Definitions", SCHEMA))
            .message(10, "parameters", Kind.MESSAGE, namedMap("ParameterDefinitions", PARAMETER))
            .message(11, "responses", Kind.MESSAGE, namedMap("ResponseDefinitions", RESPONSE))
            .message(12, "security", Kind.MESSAGES, SECURITY_REQUIREMENT)
            .message(13, "securityDefinitions", Kind.MESSAGE, namedMap("SecurityDefinitions", SECURITY_SCHEME))
            .message(14, "tags", Kind.MESSAGES, TAG).message(15, "externalDocs", Kind.MESSAGE, EXTERNAL_DOCS)
            .extensions(16);

    private static void requireObject(JsonNode value, String path, String message) {
        if (!value.isObject()) {
            throw new IllegalArgumentException(path + " must be an object (" + message + "), not "
                    + value.getNodeType());
        }
    }

    private static void requireArray(JsonNode value, String path) {
        if (!value.isArray()) {
            throw new IllegalArgumentException(path + " must be an array, not " + value.getNodeType());
        }
    }

    private static String text(JsonNode value, String path) {
        if (!value.isTextual()) {
            throw new IllegalArgumentException(path + " must be a string, not " + value.getNodeType());
        }
        return value.asText();
    }

    private static boolean bool(JsonNode value, String path) {
        if (!value.isBoolean()) {
            throw new IllegalArgumentException(path + " must be a boolean, not " + value.getNodeType());
        }
        return value.asBoolean();
    }

    private static Number number(JsonNode value, String path) {
        if (!value.isNumber()) {
            throw new IllegalArgumentException(path + " must be a number, not " + value.getNodeType());
        }
        return value.numberValue();
    }
}
