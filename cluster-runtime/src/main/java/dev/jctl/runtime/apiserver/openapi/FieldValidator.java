package dev.jctl.runtime.apiserver.openapi;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Server-side field validation ({@code fieldValidation=Strict|Warn|Ignore}): the fields of a request that its
 * kind's schema does not declare, and the fields written twice, worded and ordered as kube-apiserver's strict
 * decoder reports them ({@code unknown field "spec.foo"}, {@code duplicate field "spec.replicas"}, paths from the
 * object root, list items as {@code containers[0]}). Subtrees the schema leaves open are not looked into:
 * {@code x-kubernetes-preserve-unknown-fields}, and schemas that declare neither properties, additional
 * properties nor items (RawExtension, JSON, int-or-string).
 */
public final class FieldValidator {
    private final Map<String, ? extends JsonNode> schemas;
    private final JsonNode root;

    /**
     * @param schemas what {@code $ref}s in the schema resolve against, by name ({@code components.schemas})
     * @param root    the schema of the whole object
     */
    public FieldValidator(Map<String, ? extends JsonNode> schemas, JsonNode root) {
        this.schemas = schemas;
        this.root = root;
    }

    /** The validator of a built-in kind, empty for kinds the catalog has no schema for. */
    public static Optional<FieldValidator> forKind(SchemaCatalog catalog, String group, String version,
                                                   String kind) {
        return catalog.schemaName(group, version, kind)
                .map(name -> new FieldValidator(catalog.schemas(), catalog.schema(name)));
    }

    /** Unknown and duplicate fields of a JSON request body, in document order. */
    public List<String> checkJson(byte[] body) {
        return check(RequestTree.ofJson(body));
    }

    /** Unknown and duplicate fields of a YAML request body (such as an apply patch), in document order. */
    public List<String> checkYaml(byte[] body) {
        return check(RequestTree.ofYaml(body));
    }

    /** Unknown fields of an object already decoded, for objects built from a patch rather than sent as is. */
    public List<String> unknownFields(JsonNode object) {
        return check(RequestTree.of(object));
    }

    private List<String> check(RequestTree tree) {
        List<String> problems = new ArrayList<>();
        walk(tree, root, "", problems);
        return problems;
    }

    /**
     * The message of the 400 BadRequest a Strict request gets:
     * {@code Deployment in version "v1" cannot be handled as a Deployment: strict decoding error: ...}.
     */
    public static String strictDecodingError(String kind, String version, List<String> problems) {
        return kind + " in version \"" + version + "\" cannot be handled as a " + kind + ": strict decoding error: "
                + String.join(", ", problems);
    }

    /** The value of the {@code Warning} header a Warn request gets for one problem. */
    public static String warning(String problem) {
        return "299 - \"" + problem.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private void walk(RequestTree value, JsonNode schema, String path, List<String> problems) {
        JsonNode s = resolve(schema);
        if (s == null || s.path("x-kubernetes-preserve-unknown-fields").asBoolean(false)) {
            return;
        }
        if (value instanceof RequestTree.Obj obj) {
            JsonNode properties = s.get("properties");
            JsonNode additional = s.get("additionalProperties");
            if (properties == null && (additional == null || !additional.isObject())) {
                return;
            }
            Set<String> seen = new HashSet<>();
            for (Map.Entry<String, RequestTree> entry : obj.entries()) {
                String key = entry.getKey();
                String child = path.isEmpty() ? key : path + "." + key;
                JsonNode field = properties != null ? properties.get(key) : null;
                if (field == null && additional != null && additional.isObject()) {
                    field = additional;
                }
                boolean first = seen.add(key);
                if (field == null) {
                    // a repeated unknown field is reported once, as unknown
                    if (first) {
                        problems.add("unknown field \"" + child + "\"");
                    }
                    continue;
                }
                if (!first) {
                    problems.add("duplicate field \"" + child + "\"");
                }
                walk(entry.getValue(), field, child, problems);
            }
        } else if (value instanceof RequestTree.Arr arr) {
            JsonNode items = s.get("items");
            if (items == null) {
                return;
            }
            for (int i = 0; i < arr.items().size(); i++) {
                walk(arr.items().get(i), items, path + "[" + i + "]", problems);
            }
        }
    }

    /** Follows {@code allOf: [{$ref}]} and {@code $ref} to the schema they name; null when it is unknown. */
    private JsonNode resolve(JsonNode schema) {
        JsonNode s = schema;
        for (int depth = 0; s != null && depth < 8; depth++) {
            JsonNode allOf = s.get("allOf");
            if (allOf != null && allOf.size() == 1 && s.get("properties") == null) {
                s = allOf.get(0);
                continue;
            }
            JsonNode ref = s.get("$ref");
            if (ref == null) {
                return s;
            }
            s = schemas.get(SchemaRefs.refName(s));
        }
        return s;
    }
}
