package dev.jctl.diff.smp;

import dev.jctl.diff.PatchException;
import java.util.Map;

/** apimachinery's mergepatch errors, with Go's wording so messages match what kubectl prints. */
final class Errors {
    private Errors() {}

    static PatchException badJsonDoc() {
        return new PatchException("invalid JSON document");
    }

    static PatchException noListOfLists() {
        return new PatchException("lists of lists are not supported");
    }

    static PatchException badPatchFormatForPrimitiveList() {
        return new PatchException("invalid patch format of primitive list");
    }

    static PatchException badPatchFormatForRetainKeys() {
        return new PatchException("invalid patch format of retainKeys");
    }

    static PatchException badPatchFormatForSetElementOrderList() {
        return new PatchException("invalid patch format of setElementOrder list");
    }

    static PatchException noMergeKey(Map<String, Object> m, String key) {
        return new PatchException("map: " + (m == null ? "map[]" : GoValue.text(m))
                + " does not contain declared merge key: " + key);
    }

    /** ErrBadArgType; {@code expected} is the Go type name the code asserted. */
    static PatchException badArgType(GoValue.Type expected, Object actual) {
        return new PatchException("expected a " + expected.goName + ", but received a " + GoValue.typeName(actual));
    }

    static PatchException badPatchType(Object type, Map<String, Object> m) {
        return new PatchException("unknown patch type: " + GoValue.textS(type) + " in map: " + GoValue.text(m));
    }
}
