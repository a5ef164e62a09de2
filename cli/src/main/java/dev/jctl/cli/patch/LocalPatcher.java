package dev.jctl.cli.patch;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jctl.diff.PatchException;
import dev.jctl.diff.io.Manifest;
import dev.jctl.diff.io.ManifestException;
import dev.jctl.diff.io.ManifestReader;
import dev.jctl.diff.io.Yaml;
import dev.jctl.diff.json.JsonValues;
import dev.jctl.diff.jsonmerge.JsonMergePatch;
import dev.jctl.diff.jsonpatch.JsonPatch;
import dev.jctl.diff.smp.BuiltinPatchMeta;
import dev.jctl.diff.smp.PatchMeta;
import dev.jctl.diff.smp.StrategicMergePatch;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code kubectl patch --local}: applies one patch to every object of a manifest file, with no cluster. The
 * strategic merge patch takes its list merge keys from the built-in table of Kubernetes kinds, as kubectl does
 * when it has no server to ask; for other kinds it refuses with kubectl's message.
 */
public final class LocalPatcher {
    /** The patch types of {@code --type}, in kubectl's spelling. */
    public enum Type {
        JSON, MERGE, STRATEGIC;

        /** kubectl's error for any other name. */
        public static Type parse(String name) {
            for (Type type : values()) {
                if (type.name().toLowerCase(Locale.ROOT).equals(name)) {
                    return type;
                }
            }
            throw new IllegalArgumentException("--type must be one of [json merge strategic], not \"" + name + "\"");
        }
    }

    /** One object before and after the patch. */
    public record Result(JsonNode original, JsonNode patched) {
        /** kubectl prints "patched (no change)" when this is false. */
        public boolean changed() {
            return !JsonValues.equal(original, patched);
        }
    }

    private final ManifestReader reader = new ManifestReader();

    /** The patch text of {@code --patch-file}, or kubectl's error when it cannot be read. */
    public static String readPatchFile(Path file) throws IOException {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new FileNotFoundException("unable to read patch file: " + file + ": no such file or directory");
        }
    }

    /** Every object of {@code manifest}, in file order, with {@code patch} (JSON or YAML) applied. */
    public List<Result> patch(Path manifest, String patch, Type type) throws IOException {
        if (!Files.exists(manifest)) {
            throw new FileNotFoundException("the path \"" + manifest + "\" does not exist");
        }
        return patch(reader.read(manifest), patch, type);
    }

    /** Every object of {@code manifest} as read from standard input ({@code -f -}), patched likewise. */
    public List<Result> patch(InputStream manifest, String patch, Type type) {
        return patch(reader.read("STDIN", manifest), patch, type);
    }

    private List<Result> patch(List<Manifest> objects, String patch, Type type) {
        JsonNode patchTree = parsePatch(patch);
        List<Result> results = new ArrayList<>(objects.size());
        for (Manifest object : objects) {
            JsonNode patched = apply(object, patchTree, type);
            if (!patched.isObject()) {
                // a merge patch that is an array replaces the whole document
                throw new PatchException("patching " + object.location() + " gave a " + patched.getNodeType()
                        .name().toLowerCase(Locale.ROOT) + ", not an object");
            }
            results.add(new Result(object.object(), patched));
        }
        return results;
    }

    private static JsonNode parsePatch(String text) {
        try {
            JsonNode tree = Yaml.parseTree(text);
            if (tree.isNull()) {
                throw new PatchException("the patch is empty");
            }
            return tree;
        } catch (ManifestException e) {
            throw new PatchException("unable to parse the patch: " + e.getMessage(), e);
        }
    }

    private static JsonNode apply(Manifest object, JsonNode patch, Type type) {
        return switch (type) {
            case JSON -> JsonPatch.apply(object.object(), patch);
            case MERGE -> JsonMergePatch.apply(object.object(), patch);
            case STRATEGIC -> StrategicMergePatch.apply(object.object(), patch, strategicMeta(object));
        };
    }

    private static PatchMeta strategicMeta(Manifest object) {
        return BuiltinPatchMeta.forKind(object.apiVersion(), object.kind()).orElseThrow(() -> new PatchException(
                "strategic merge patch is not supported for " + groupVersionKind(object) + " locally, try --type merge"));
    }

    /** Go's {@code schema.GroupVersionKind.String()}: {@code apps/v1, Kind=Deployment}, {@code /v1, Kind=Pod}. */
    private static String groupVersionKind(Manifest object) {
        String apiVersion = object.apiVersion();
        return (apiVersion.contains("/") ? apiVersion : "/" + apiVersion) + ", Kind=" + object.kind();
    }
}
