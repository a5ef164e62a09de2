package dev.jctl.runtime.apiserver.validation;

import com.fasterxml.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * apimachinery's ValidateObjectMeta for labels and annotations, which every kind shares: keys are qualified names
 * ({@code [prefix/]name}), label values are at most 63 characters of the label alphabet, and all annotations
 * together stay within 256 KiB, which is where a large {@code last-applied-configuration} fails.
 */
final class MetadataValidation {
    static final int TOTAL_ANNOTATION_SIZE_LIMIT = 256 * 1024;
    private static final String QUALIFIED_NAME = "([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]";
    private static final Pattern QUALIFIED_NAME_PATTERN = Pattern.compile(QUALIFIED_NAME);
    private static final String DNS1123_LABEL = "[a-z0-9]([-a-z0-9]*[a-z0-9])?";
    private static final String DNS1123_SUBDOMAIN = DNS1123_LABEL + "(\\." + DNS1123_LABEL + ")*";
    private static final Pattern DNS1123_SUBDOMAIN_PATTERN = Pattern.compile(DNS1123_SUBDOMAIN);
    private static final String QUALIFIED_NAME_MESSAGE = "must consist of alphanumeric characters, '-', '_' or '.', "
            + "and must start and end with an alphanumeric character";

    private MetadataValidation() {
    }

    static void validate(JsonNode metadata, Causes causes) {
        for (Map.Entry<String, JsonNode> label : fields(metadata.path("labels"))) {
            qualifiedName(label.getKey()).forEach(m -> causes.invalid("metadata.labels", GoValues.quote(label.getKey()), m));
            String value = label.getValue().asText();
            labelValue(value).forEach(m -> causes.invalid("metadata.labels", GoValues.quote(value), m));
        }
        long size = 0;
        for (Map.Entry<String, JsonNode> annotation : fields(metadata.path("annotations"))) {
            String key = annotation.getKey();
            qualifiedName(key.toLowerCase(Locale.ROOT)).forEach(m -> causes.invalid("metadata.annotations",
                    GoValues.quote(key), m));
            size += key.getBytes(StandardCharsets.UTF_8).length
                    + annotation.getValue().asText().getBytes(StandardCharsets.UTF_8).length;
        }
        if (size > TOTAL_ANNOTATION_SIZE_LIMIT) {
            causes.tooLong("metadata.annotations", TOTAL_ANNOTATION_SIZE_LIMIT);
        }
    }

    /** validation.IsQualifiedName. */
    static List<String> qualifiedName(String value) {
        List<String> errors = new ArrayList<>();
        String[] parts = value.split("/", -1);
        String name;
        switch (parts.length) {
            case 1 -> name = parts[0];
            case 2 -> {
                name = parts[1];
                String prefix = parts[0];
                if (prefix.isEmpty()) {
                    errors.add("prefix part must be non-empty");
                } else {
                    if (prefix.length() > 253) {
                        errors.add("prefix part must be no more than 253 characters");
                    }
                    if (!DNS1123_SUBDOMAIN_PATTERN.matcher(prefix).matches()) {
                        errors.add("prefix part " + regexError("a lowercase RFC 1123 subdomain must consist of lower "
                                + "case alphanumeric characters, '-' or '.', and must start and end with an "
                                + "alphanumeric character", DNS1123_SUBDOMAIN, "example.com"));
                    }
                }
            }
            default -> {
                errors.add("a qualified name " + regexError(QUALIFIED_NAME_MESSAGE, QUALIFIED_NAME, "MyName", "my.name",
                        "123-abc") + " with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')");
                return errors;
            }
        }
        if (name.isEmpty()) {
            errors.add("name part must be non-empty");
        } else if (name.length() > 63) {
            errors.add("name part must be no more than 63 characters");
        }
        if (!QUALIFIED_NAME_PATTERN.matcher(name).matches()) {
            errors.add("name part " + regexError(QUALIFIED_NAME_MESSAGE, QUALIFIED_NAME, "MyName", "my.name",
                    "123-abc"));
        }
        return errors;
    }

    /** validation.IsValidLabelValue. */
    static List<String> labelValue(String value) {
        List<String> errors = new ArrayList<>();
        if (value.length() > 63) {
            errors.add("must be no more than 63 characters");
        }
        if (!value.isEmpty() && !QUALIFIED_NAME_PATTERN.matcher(value).matches()) {
            errors.add(regexError("a valid label must be an empty string or consist of alphanumeric characters, "
                    + "'-', '_' or '.', and must start and end with an alphanumeric character",
                    "(" + QUALIFIED_NAME + ")?", "MyValue", "my_value", "12345"));
        }
        return errors;
    }

    /** validation.RegexError, examples joined as Go joins them (note the double space). */
    private static String regexError(String message, String regex, String... examples) {
        StringBuilder text = new StringBuilder(message).append(" (e.g. ");
        for (int i = 0; i < examples.length; i++) {
            if (i > 0) {
                text.append(" or ");
            }
            text.append('\'').append(examples[i]).append("', ");
        }
        return text.append("regex used for validation is '").append(regex).append("')").toString();
    }

    private static Iterable<Map.Entry<String, JsonNode>> fields(JsonNode map) {
        return map::fields;
    }
}
