package dev.jctl.cli.patch;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import dev.jctl.cli.client.Connection;
import dev.jctl.diff.io.GoStrings;
import dev.jctl.diff.io.JsonWriter;
import dev.jctl.diff.io.ManifestException;
import dev.jctl.diff.io.Yaml;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The patch of {@code kubectl patch}: its {@code --type} and the body sent, made from the text of {@code -p} or
 * {@code --patch-file} as apimachinery's {@code yaml.ToJSON} makes it. Text whose first non-space character is
 * <code>{</code> is JSON and goes out verbatim (a malformed one is the server's to refuse, as with kubectl); any
 * other text is YAML, converted to JSON here, so an empty or blank text is {@code null}.
 */
public record PatchDocument(Type type, String json) {
    /** {@code --type}, with the media type the server picks the merge algorithm from. */
    public enum Type {
        JSON("application/json-patch+json"), MERGE("application/merge-patch+json"),
        STRATEGIC("application/strategic-merge-patch+json");

        private final String contentType;

        Type(String contentType) {
            this.contentType = contentType;
        }

        public String contentType() {
            return contentType;
        }

        /** kubectl's lookup, which ignores case, and its error for any other name. */
        public static Type parse(String name) {
            for (Type type : values()) {
                if (type.name().equalsIgnoreCase(name)) {
                    return type;
                }
            }
            throw new IllegalArgumentException("--type must be one of [json merge strategic], not "
                    + GoStrings.quote(name));
        }

        @Override
        public String toString() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * @param text      the patch as given
     * @param flagValue the value of {@code -p}, which kubectl names in its parse error even when the text came
     *                  from {@code --patch-file} (then it is empty)
     * @throws IllegalArgumentException for YAML that cannot be read, in kubectl's form
     */
    public static PatchDocument of(Type type, String text, String flagValue) {
        if (startsWithBrace(text)) {
            return new PatchDocument(type, text);
        }
        try {
            return new PatchDocument(type, JsonWriter.marshal(Yaml.parseTree(text)));
        } catch (ManifestException e) {
            String where = e.line() > 0 ? "line " + e.line() + ": " : "";
            throw new IllegalArgumentException("unable to parse " + GoStrings.quote(flagValue) + ": yaml: " + where
                    + e.reason(), e);
        }
    }

    /** The text of {@code --patch-file}, or kubectl's error (Go's os.ReadFile wording) when it cannot be read. */
    public static String readFile(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("unable to read patch file: open " + file + ": no such file or directory");
        } catch (AccessDeniedException e) {
            throw new IllegalArgumentException("unable to read patch file: open " + file + ": permission denied");
        } catch (IOException e) {
            if (Files.isDirectory(file)) {
                throw new IllegalArgumentException("unable to read patch file: read " + file + ": is a directory");
            }
            throw new UncheckedIOException("unable to read patch file: " + file, e);
        }
    }

    /** The body as a JSON tree, for patching on this side; a body that is not JSON throws. */
    JsonNode tree() throws JsonProcessingException {
        return Connection.JSON.reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).readTree(json);
    }

    /** Go's {@code unicode.IsSpace} before the brace, as {@code hasJSONPrefix} trims it. */
    private static boolean startsWithBrace(String text) {
        int i = 0;
        while (i < text.length() && isGoSpace(text.charAt(i))) {
            i++;
        }
        return i < text.length() && text.charAt(i) == '{';
    }

    private static boolean isGoSpace(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\u0085';
    }
}
