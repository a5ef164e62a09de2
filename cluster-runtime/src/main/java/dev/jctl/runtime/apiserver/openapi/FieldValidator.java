package dev.jctl.runtime.apiserver.openapi;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jctl.runtime.apiserver.registry.KindInfo;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
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
public final class FieldValidator implements UnknownFields {
    private final SchemaNodes nodes;
    private final JsonNode root;

    /**
     * @param schemas what {@code $ref}s in the schema resolve against, by name ({@code components.schemas})
     * @param root    the schema of the whole object
     */
    public FieldValidator(Map<String, ? extends JsonNode> schemas, JsonNode root) {
        this.nodes = new SchemaNodes(schemas);
        this.root = root;
    }

    /** The validator of a built-in kind, empty for kinds the catalog has no schema for. */
    public static Optional<FieldValidator> forKind(SchemaCatalog catalog, String group, String version,
                                                   String kind) {
        return catalog.schemaName(group, version, kind)
                .map(name -> new FieldValidator(catalog.schemas(), catalog.schema(name)));
    }

    /**
     * The validator of the schema server-side apply checks a patch against: a built-in kind's, or a custom
     * resource's as apiextensions-apiserver publishes it (metadata an ObjectMeta, embedded resources with apiVersion,
     * kind and metadata). Empty for a built-in kind the catalog has no schema for.
     */
    public static Optional<FieldValidator> forApply(KindInfo kind) {
        SchemaCatalog catalog = SchemaCatalog.builtin();
        if (kind.custom() != null) {
            return Optional.of(new FieldValidator(catalog.schemas(),
                    OpenApiV3Documents.customResourceSchema(kind, false)));
        }
        return forKind(catalog, kind.group(), kind.version(), kind.kind());
    }

    /** Unknown and duplicate fields of a JSON request body, in document order. */
    @Override
    public List<String> checkJson(byte[] body) {
        return check(RequestTree.ofJson(body));
    }

    /** Unknown fields of an object already decoded, for objects built from a patch rather than sent as is. */
    @Override
    public List<String> unknownFields(JsonNode object) {
        return unknownFields(object, "");
    }

    /** Unknown fields of a part of an object, reported from the object's root: {@code path} leads to the part. */
    public List<String> unknownFields(JsonNode part, String path) {
        List<String> problems = new ArrayList<>();
        walk(RequestTree.of(part), root, path, problems);
        return problems;
    }

    /**
     * The fields server-side apply's typed conversion of a patch refuses as not declared in schema, as
     * structured-merge-diff decides it on the schema kube-openapi converts: an object whose schema has properties
     * and no additionalProperties takes no other field, unless x-kubernetes-preserve-unknown-fields is set on it or
     * on an object it is written inside - which a named type ({@code $ref}) does not inherit. Upstream stops walking
     * an object at its first undeclared field, so fields after it are not looked into; it walks Go maps in no fixed
     * order, this walk in document order, which is one of those orders.
     */
    public List<JsonPointer> undeclaredFields(JsonNode object) {
        List<JsonPointer> undeclared = new ArrayList<>();
        undeclared(object, root, false, JsonPointer.empty(), undeclared);
        return undeclared;
    }

    private void undeclared(JsonNode value, JsonNode schema, boolean preserving, JsonPointer at,
                            List<JsonPointer> undeclared) {
        boolean preserve = preserving && !named(schema);
        JsonNode s = nodes.resolve(schema);
        if (s == null) {
            return;
        }
        preserve |= s.path("x-kubernetes-preserve-unknown-fields").asBoolean(false);
        if (value instanceof ObjectNode object) {
            JsonNode properties = s.get("properties");
            JsonNode additional = s.get("additionalProperties");
            boolean closed = additional == null ? !preserve && properties != null && !properties.isEmpty()
                    : additional.isBoolean() && !additional.asBoolean();
            for (Map.Entry<String, JsonNode> entry : object.properties()) {
                JsonNode field = SchemaNodes.fieldSchema(s, entry.getKey());
                JsonPointer child = at.appendProperty(entry.getKey());
                if (field != null) {
                    undeclared(entry.getValue(), field, preserve, child, undeclared);
                } else if (closed) {
                    undeclared.add(child);
                    return;
                }
            }
        } else if (value instanceof ArrayNode array && s.get("items") != null) {
            for (int i = 0; i < array.size(); i++) {
                undeclared(array.get(i), s.get("items"), preserve, at.appendIndex(i), undeclared);
            }
        }
    }

    /** Whether a property's schema is a named type, which kube-openapi converts on its own. */
    private static boolean named(JsonNode schema) {
        return SchemaRefs.refName(schema) != null;
    }

    /**
     * Removes, in place, the fields {@link #unknownFields} reports: kube-apiserver's decoder accepts them under
     * {@code Warn} and {@code Ignore} but never stores them.
     */
    @Override
    public void prune(JsonNode object) {
        prune(object, root);
    }

    private void prune(JsonNode value, JsonNode schema) {
        JsonNode s = nodes.checked(schema);
        if (s == null) {
            return;
        }
        if (value instanceof ObjectNode obj && SchemaNodes.declaresFields(s)) {
            for (Iterator<Map.Entry<String, JsonNode>> it = obj.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> entry = it.next();
                JsonNode field = SchemaNodes.fieldSchema(s, entry.getKey());
                if (field == null) {
                    it.remove();
                } else {
                    prune(entry.getValue(), field);
                }
            }
        } else if (value instanceof ArrayNode arr && s.get("items") != null) {
            arr.forEach(item -> prune(item, s.get("items")));
        }
    }

    /**
     * Every key written twice in a JSON body, wherever it is, in document order: what a strict decode into an
     * untyped map (a custom resource) reports, which knows no schema.
     */
    public static List<String> duplicateFields(byte[] body) {
        List<String> problems = new ArrayList<>();
        duplicates(RequestTree.ofJson(body), "", problems);
        return problems;
    }

    private static void duplicates(RequestTree value, String path, List<String> problems) {
        if (value instanceof RequestTree.Obj obj) {
            Set<String> seen = new HashSet<>();
            for (Map.Entry<String, RequestTree> entry : obj.entries()) {
                String child = path.isEmpty() ? entry.getKey() : path + "." + entry.getKey();
                if (!seen.add(entry.getKey())) {
                    problems.add("duplicate field \"" + child + "\"");
                }
                duplicates(entry.getValue(), child, problems);
            }
        } else if (value instanceof RequestTree.Arr arr) {
            for (int i = 0; i < arr.items().size(); i++) {
                duplicates(arr.items().get(i), path + "[" + i + "]", problems);
            }
        }
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
        JsonNode s = nodes.checked(schema);
        if (s == null) {
            return;
        }
        if (value instanceof RequestTree.Obj obj && SchemaNodes.declaresFields(s)) {
            Set<String> seen = new HashSet<>();
            for (Map.Entry<String, RequestTree> entry : obj.entries()) {
                String key = entry.getKey();
                String child = path.isEmpty() ? key : path + "." + key;
                JsonNode field = SchemaNodes.fieldSchema(s, key);
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
        } else if (value instanceof RequestTree.Arr arr && s.get("items") != null) {
            for (int i = 0; i < arr.items().size(); i++) {
                walk(arr.items().get(i), s.get("items"), path + "[" + i + "]", problems);
            }
        }
    }
}
