package dev.jctl.runtime.apiserver.crd;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jctl.runtime.apiserver.ApiException.Cause;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The checks apiextensions-apiserver makes of a CustomResourceDefinition (ValidateCustomResourceDefinition),
 * for what users get wrong: names, group, scope, versions and their storage flag, schemas, printer columns and
 * scale paths, worded as upstream's field errors.
 */
final class CrdValidation {
    private static final Pattern DNS1123_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
    private static final Pattern DNS1035_LABEL = Pattern.compile("[a-z]([-a-z0-9]*[a-z0-9])?");
    private static final Pattern DNS1123_SUBDOMAIN =
            Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");
    private static final String DNS1123_LABEL_MESSAGE = "a lowercase RFC 1123 label must consist of lower case"
            + " alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g."
            + " 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')";
    private static final String DNS1035_LABEL_MESSAGE = "a DNS-1035 label must consist of lower case alphanumeric"
            + " characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g."
            + " 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')";
    private static final List<String> COLUMN_TYPES = List.of("integer", "number", "string", "boolean", "date");

    private CrdValidation() {
    }

    static List<Cause> check(JsonNode crd) {
        List<Cause> causes = new ArrayList<>();
        JsonNode spec = crd.path("spec");
        String name = crd.path("metadata").path("name").asText("");
        String group = spec.path("group").asText("");
        CrdNames names = CrdNames.of(spec);
        if (!name.equals(names.plural() + "." + group)) {
            causes.add(invalid("metadata.name", quote(name), "must be spec.names.plural+\".\"+spec.group"));
        }
        if (group.isEmpty()) {
            causes.add(required("spec.group", ""));
        } else if (!DNS1123_SUBDOMAIN.matcher(group).matches()) {
            causes.add(invalid("spec.group", quote(group), "a lowercase RFC 1123 subdomain must consist of lower"
                    + " case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric"
                    + " character (e.g. 'example.com', regex used for validation is"
                    + " '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')"));
        } else if (!group.contains(".")) {
            causes.add(invalid("spec.group", quote(group), "should be a domain with at least one dot"));
        }
        String scope = spec.path("scope").asText("");
        if (scope.isEmpty()) {
            causes.add(required("spec.scope", ""));
        } else if (!scope.equals("Namespaced") && !scope.equals("Cluster")) {
            causes.add(new Cause("FieldValueNotSupported", "Unsupported value: " + quote(scope)
                    + ": supported values: \"Cluster\", \"Namespaced\"", "spec.scope"));
        }
        checkNames(names, causes);
        checkVersions(spec.path("versions"), causes);
        return causes;
    }

    private static void checkNames(CrdNames names, List<Cause> causes) {
        label("spec.names.plural", names.plural(), causes);
        label("spec.names.singular", names.singular(), causes);
        if (names.kind().isEmpty()) {
            causes.add(required("spec.names.kind", ""));
        }
        for (int i = 0; i < names.shortNames().size(); i++) {
            label("spec.names.shortNames[" + i + "]", names.shortNames().get(i), causes);
        }
    }

    private static void label(String field, String value, List<Cause> causes) {
        if (value.isEmpty()) {
            causes.add(required(field, ""));
        } else if (!DNS1123_LABEL.matcher(value).matches()) {
            causes.add(invalid(field, quote(value), DNS1123_LABEL_MESSAGE));
        }
    }

    private static void checkVersions(JsonNode versions, List<Cause> causes) {
        if (!versions.isArray() || versions.isEmpty()) {
            causes.add(required("spec.versions", "must have exactly one version marked as storage version"));
            return;
        }
        int storage = 0;
        boolean served = false;
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < versions.size(); i++) {
            JsonNode v = versions.get(i);
            String path = "spec.versions[" + i + "]";
            String version = v.path("name").asText("");
            if (version.isEmpty()) {
                causes.add(required(path + ".name", ""));
            } else if (!DNS1035_LABEL.matcher(version).matches()) {
                causes.add(invalid(path + ".name", quote(version), DNS1035_LABEL_MESSAGE));
            } else if (!seen.add(version)) {
                causes.add(new Cause("FieldValueDuplicate", "Duplicate value: " + quote(version), path + ".name"));
            }
            storage += v.path("storage").asBoolean(false) ? 1 : 0;
            served |= v.path("served").asBoolean(false);
            checkSchema(v.path("schema").path("openAPIV3Schema"), path + ".schema.openAPIV3Schema", causes);
            if (!identicalSchemas(versions)) {
                checkDefaults(v.path("schema").path("openAPIV3Schema"), path + ".schema.openAPIV3Schema", false,
                        causes);
            }
            checkColumns(v.path("additionalPrinterColumns"), path + ".additionalPrinterColumns", causes);
            checkScale(v.path("subresources").path("scale"), path + ".subresources.scale", causes);
        }
        if (identicalSchemas(versions)) {
            // upstream's internal form hoists a schema all versions share to spec.validation, and names it so
            checkDefaults(versions.get(0).path("schema").path("openAPIV3Schema"), "spec.validation.openAPIV3Schema",
                    false, causes);
        }
        if (storage != 1) {
            causes.add(invalid("spec.versions", versions.toString(),
                    "must have exactly one version marked as storage version"));
        }
        if (!served) {
            causes.add(invalid("spec.versions", versions.toString(), "must have at least one version served"));
        }
    }

    private static void checkSchema(JsonNode schema, String path, List<Cause> causes) {
        if (!schema.isObject()) {
            causes.add(required(path, "schemas are required"));
            return;
        }
        if (!schema.has("type")) {
            causes.add(required(path + ".type", "must not be empty at the root"));
        } else if (!schema.get("type").asText().equals("object")) {
            causes.add(invalid(path + ".type", quote(schema.get("type").asText()), "must be object at the root"));
        }
        checkPatterns(schema, path, causes);
    }

    private static boolean identicalSchemas(JsonNode versions) {
        JsonNode first = versions.get(0).path("schema");
        for (JsonNode v : versions) {
            if (!v.path("schema").equals(first)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Every default must be what pruning leaves of it and must validate against its own schema, as upstream's
     * structural defaulting validation requires; defaults inside an object's metadata are not looked into.
     */
    private static void checkDefaults(JsonNode schema, String path, boolean insideMeta, List<Cause> causes) {
        if (!schema.isObject()) {
            return;
        }
        JsonNode value = schema.get("default");
        if (value != null && !insideMeta) {
            JsonNode pruned = value.deepCopy();
            if (Pruner.pruneValue(pruned, schema)) {
                causes.add(invalid(path + ".default", GoSyntax.of(value), "must not have unknown fields"));
            }
            causes.addAll(SchemaValidator.validateValue(value, schema, path + ".default"));
        }
        if (schema.path("items").isObject()) {
            checkDefaults(schema.get("items"), path + ".items", insideMeta, causes);
        }
        boolean embedded = schema.path("x-kubernetes-embedded-resource").asBoolean(false)
                || path.endsWith("openAPIV3Schema");
        schema.path("properties").properties().forEach(p -> checkDefaults(p.getValue(),
                path + ".properties[" + p.getKey() + "]", insideMeta || embedded && p.getKey().equals("metadata"),
                causes));
    }

    /** Patterns must compile, or every object would be refused (or, worse, accepted) for the wrong reason. */
    private static void checkPatterns(JsonNode schema, String path, List<Cause> causes) {
        if (schema.path("pattern").isTextual()) {
            try {
                Pattern.compile(schema.get("pattern").asText());
            } catch (PatternSyntaxException e) {
                causes.add(invalid(path + ".pattern", quote(schema.get("pattern").asText()),
                        "must be a valid regular expression, but isn't: " + e.getDescription()));
            }
        }
        schema.path("properties").properties().forEach(p ->
                checkPatterns(p.getValue(), path + ".properties[" + p.getKey() + "]", causes));
        if (schema.path("items").isObject()) {
            checkPatterns(schema.get("items"), path + ".items", causes);
        }
        if (schema.path("additionalProperties").isObject()) {
            checkPatterns(schema.get("additionalProperties"), path + ".additionalProperties", causes);
        }
    }

    private static void checkColumns(JsonNode columns, String path, List<Cause> causes) {
        for (int i = 0; i < columns.size(); i++) {
            JsonNode c = columns.get(i);
            String at = path + "[" + i + "]";
            if (c.path("name").asText("").isEmpty()) {
                causes.add(required(at + ".name", ""));
            }
            String type = c.path("type").asText("");
            if (type.isEmpty()) {
                causes.add(required(at + ".type", ""));
            } else if (!COLUMN_TYPES.contains(type)) {
                causes.add(new Cause("FieldValueNotSupported", "Unsupported value: " + quote(type)
                        + ": supported values: \"integer\", \"number\", \"string\", \"boolean\", \"date\"",
                        at + ".type"));
            }
            String jsonPath = c.path("jsonPath").asText("");
            if (jsonPath.isEmpty()) {
                causes.add(required(at + ".jsonPath", ""));
            } else if (!jsonPath.startsWith(".")) {
                causes.add(invalid(at + ".jsonPath", quote(jsonPath), "must be a simple json path starting with ."));
            }
        }
    }

    private static void checkScale(JsonNode scale, String path, List<Cause> causes) {
        if (!scale.isObject()) {
            return;
        }
        scalePath(scale.path("specReplicasPath"), path + ".specReplicasPath", ".spec.", true, causes);
        scalePath(scale.path("statusReplicasPath"), path + ".statusReplicasPath", ".status.", true, causes);
        scalePath(scale.path("labelSelectorPath"), path + ".labelSelectorPath", null, false, causes);
    }

    private static void scalePath(JsonNode value, String field, String under, boolean required,
                                  List<Cause> causes) {
        String p = value.asText("");
        if (p.isEmpty()) {
            if (required) {
                causes.add(required(field, ""));
            }
            return;
        }
        if (under != null && !p.startsWith(under)) {
            causes.add(invalid(field, quote(p), "should be a json path under " + under.substring(0,
                    under.length() - 1)));
        } else if (!p.matches("(\\.[A-Za-z0-9_-]+)+")) {
            causes.add(invalid(field, quote(p), "must be a simple json path starting with ."));
        }
    }

    private static Cause required(String field, String detail) {
        return new Cause("FieldValueRequired", detail.isEmpty() ? "Required value" : "Required value: " + detail,
                field);
    }

    private static Cause invalid(String field, String shownValue, String detail) {
        return new Cause("FieldValueInvalid", "Invalid value: " + shownValue + ": " + detail, field);
    }

    private static String quote(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
