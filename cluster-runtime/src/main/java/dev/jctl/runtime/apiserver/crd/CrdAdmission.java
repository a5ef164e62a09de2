package dev.jctl.runtime.apiserver.crd;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jctl.runtime.apiserver.ApiException.Cause;
import dev.jctl.runtime.apiserver.Json;
import dev.jctl.runtime.apiserver.registry.Admission;

import java.util.List;

/**
 * The CustomResourceDefinition strategy: defaults (singular, listKind, conversion None), validation, status as a
 * new CRD starts (no accepted names yet, the storage version recorded in storedVersions), and the cleanup
 * finalizer that lets {@link CrdController} delete the custom resources before the definition goes away.
 */
final class CrdAdmission implements Admission {
    static final String GROUP = "apiextensions.k8s.io";
    static final String CLEANUP_FINALIZER = "customresourcecleanup.apiextensions.k8s.io";

    @Override
    public void admit(ObjectNode crd, ObjectNode old) {
        ObjectNode spec = crd.withObjectProperty("spec");
        CrdNames names = CrdNames.of(spec);
        if (spec.path("names").isObject() && !names.kind().isEmpty()) {
            ((ObjectNode) spec.get("names")).put("singular", names.singular()).put("listKind", names.listKind());
        }
        if (!spec.path("conversion").isObject()) {
            spec.putObject("conversion").put("strategy", "None");
        }
        List<Cause> causes = CrdValidation.check(crd);
        if (!causes.isEmpty()) {
            throw Invalid.of(GROUP, "CustomResourceDefinition", crd.path("metadata").path("name").asText(),
                    causes);
        }
        if (old == null) {
            ObjectNode status = crd.putObject("status");
            status.putObject("acceptedNames").put("kind", "").put("plural", "");
            status.putArray("storedVersions");
        }
        recordStorageVersion(crd);
        ObjectNode meta = Json.metadata(crd);
        if (!meta.hasNonNull("deletionTimestamp") && !contains(meta.path("finalizers"), CLEANUP_FINALIZER)) {
            meta.withArrayProperty("finalizers").add(CLEANUP_FINALIZER);
        }
    }

    /** Every version objects were ever stored in stays listed, as upstream keeps status.storedVersions. */
    private static void recordStorageVersion(ObjectNode crd) {
        String storage = CrdKinds.storageVersion(crd.path("spec"));
        ArrayNode stored = crd.withObjectProperty("status").withArrayProperty("storedVersions");
        if (!contains(stored, storage)) {
            stored.add(storage);
        }
    }

    private static boolean contains(JsonNode array, String value) {
        for (JsonNode item : array) {
            if (item.asText().equals(value)) {
                return true;
            }
        }
        return false;
    }
}
