package dev.jctl.cli.apply;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jctl.cli.client.Aggregate;
import dev.jctl.cli.client.BuilderException;
import dev.jctl.diff.io.GoStrings;
import dev.jctl.diff.io.JsonWriter;
import dev.jctl.diff.io.Manifest;
import dev.jctl.diff.io.ManifestException;
import dev.jctl.diff.io.Yaml;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The manifests of one {@code -f} source, decoded as kubectl's StreamVisitor decodes them: YAML is cut into
 * documents at lines that start with {@code ---} (a JSON stream is one document), empty documents are skipped and
 * Lists give their items. A document that does not parse, or fails validation, ends the source with kubectl's
 * error; without validation ({@code diff}, {@code delete}) an object without a kind is reported and the source
 * goes on, as kubectl's decoder does. Objects without a name are kept: kubectl refuses them only when it acts.
 */
final class ManifestStream {
    private static final String SEPARATOR = "---";
    private static final String VALIDATE_OFF = "; if you choose to ignore these errors, turn validation off with "
            + "--validate=false";

    /** The manifests read, in order, and the errors met (each a {@link BuilderException} of the read stage). */
    record Decoded(List<Manifest> manifests, List<RuntimeException> errors) {
    }

    private final String source;
    private final boolean validate;
    private final List<Manifest> manifests = new ArrayList<>();
    private final List<RuntimeException> errors = new ArrayList<>();
    private int documents;

    private ManifestStream(String source, boolean validate) {
        this.source = source;
        this.validate = validate;
    }

    static Decoded decode(String source, String text, boolean validate) {
        ManifestStream stream = new ManifestStream(source, validate);
        if (text.stripLeading().startsWith("{")) {
            stream.document(text, 0);
        } else {
            stream.documents(text);
        }
        return new Decoded(List.copyOf(stream.manifests), List.copyOf(stream.errors));
    }

    /** kubectl's YAMLReader: a document ends at a line starting {@code ---} with nothing after but a comment. */
    private void documents(String text) {
        StringBuilder document = new StringBuilder();
        int firstLine = 0;
        int line = 0;
        int start = 0;
        while (start < text.length()) {
            int end = text.indexOf('\n', start);
            end = end < 0 ? text.length() : end + 1;
            String content = text.substring(start, end);
            if (content.startsWith(SEPARATOR)) {
                String rest = content.substring(SEPARATOR.length()).strip();
                if (!rest.isEmpty() && rest.charAt(0) != '#') {
                    fail("error parsing " + source + ": invalid Yaml document separator: " + rest);
                    return;
                }
                if (!document.isEmpty() && !document(document.toString(), firstLine)) {
                    return;
                }
                document.setLength(0);
                firstLine = line + 1;
            } else {
                document.append(content);
            }
            start = end;
            line++;
        }
        if (!document.isEmpty()) {
            document(document.toString(), firstLine);
        }
    }

    /** Decodes one document whose text starts at the 0-based {@code firstLine}; false when the source ends here. */
    private boolean document(String text, int firstLine) {
        JsonNode tree;
        try {
            tree = Yaml.parseTree(text);
        } catch (ManifestException e) {
            fail("error parsing " + source + ": error converting YAML to JSON: " + GoYamlErrors.message(e));
            return false;
        }
        if (tree.isNull()) {
            return true;
        }
        if (validate) {
            Aggregate invalid = Aggregate.of(kindErrors(tree));
            if (invalid != null) {
                fail("error validating " + GoStrings.quote(source) + ": error validating data: "
                        + invalid.getMessage() + VALIDATE_OFF);
                return false;
            }
        }
        int index = documents++;
        if (isList(tree)) {
            for (JsonNode item : tree.get("items")) {
                add(item, () -> JsonWriter.marshal(item), index, firstLine);
            }
        } else {
            add(tree, () -> text.stripLeading().startsWith("{") ? text.strip() : JsonWriter.marshal(tree), index,
                    firstLine);
        }
        return true;
    }

    /** Keeps a decodable object; {@code json} is the text kubectl's decoder saw, which its errors quote. */
    private void add(JsonNode object, Supplier<String> json, int documentIndex, int firstLine) {
        String undecodable = undecodable(object, json);
        if (undecodable != null) {
            fail("unable to decode " + GoStrings.quote(source) + ": " + undecodable);
            return;
        }
        manifests.add(new Manifest((ObjectNode) object, source, documentIndex, firstLine + 1));
    }

    private void fail(String message) {
        errors.add(new BuilderException(BuilderException.Stage.READ, message));
    }

    /** kubectl's validation of a document's type (getObjectKind), before anything about its kind is looked up. */
    private static List<RuntimeException> kindErrors(JsonNode tree) {
        if (!tree.isObject()) {
            return List.of(new IllegalArgumentException("invalid object to validate"));
        }
        List<RuntimeException> errors = new ArrayList<>();
        JsonNode apiVersion = tree.path("apiVersion");
        if (apiVersion.isMissingNode() || apiVersion.isNull()) {
            errors.add(new IllegalArgumentException("apiVersion not set"));
        } else if (!apiVersion.isTextual()) {
            errors.add(new IllegalArgumentException("apiVersion isn't string type"));
        } else if (apiVersion.asText().chars().filter(c -> c == '/').count() > 1) {
            errors.add(new IllegalArgumentException("unexpected GroupVersion string: " + apiVersion.asText()));
        }
        JsonNode kind = tree.path("kind");
        if (kind.isMissingNode() || kind.isNull()) {
            errors.add(new IllegalArgumentException("kind not set"));
        } else if (!kind.isTextual()) {
            errors.add(new IllegalArgumentException("kind isn't string type"));
        }
        return errors;
    }

    /** What kubectl's unstructured decoder says about an object it cannot decode, null when it can. */
    private static String undecodable(JsonNode object, Supplier<String> json) {
        if (!object.isObject()) {
            String type = object.isArray() ? "array" : object.isTextual() ? "string"
                    : object.isBoolean() ? "bool" : "number";
            return "json: cannot unmarshal " + type + " into Go value of type unstructured.detector";
        }
        if (!object.path("kind").isTextual() || object.path("kind").asText().isEmpty()) {
            return "Object 'Kind' is missing in '" + json.get() + "'";
        }
        if (!object.path("apiVersion").isTextual() || object.path("apiVersion").asText().isEmpty()) {
            return "Object 'apiVersion' is missing in '" + json.get() + "'";
        }
        return null;
    }

    private static boolean isList(JsonNode tree) {
        return tree.path("kind").asText().endsWith("List") && tree.path("items").isArray();
    }
}
