package dev.jctl.runtime.apiserver.crd;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jctl.runtime.apiserver.registry.Admission;
import dev.jctl.runtime.apiserver.registry.CustomResource;
import dev.jctl.runtime.apiserver.registry.CustomResource.PrinterColumn;
import dev.jctl.runtime.apiserver.registry.CustomResource.ScalePaths;
import dev.jctl.runtime.apiserver.registry.KindInfo;
import dev.jctl.runtime.apiserver.registry.Subresource;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** The resources a CustomResourceDefinition serves: one {@link KindInfo} per served version, preferred first. */
final class CrdKinds {
    /** upstream's description of the Age column a version without printer columns gets. */
    private static final String CREATION_TIMESTAMP_DOC = "CreationTimestamp is a timestamp representing the server"
            + " time when this object was created. It is not guaranteed to be set in happens-before order across"
            + " separate operations. Clients may not set this value. It is represented in RFC3339 form and is in"
            + " UTC.\n\nPopulated by the system. Read-only. Null for lists. More info:"
            + " https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#metadata";

    private CrdKinds() {
    }

    static List<KindInfo> of(JsonNode crd) {
        JsonNode spec = crd.path("spec");
        CrdNames names = CrdNames.of(spec);
        String group = spec.path("group").asText();
        boolean namespaced = !"Cluster".equals(spec.path("scope").asText());
        String storage = storageVersion(spec);
        Consumer<ObjectNode> storageDefaults = storageDefaults(spec, storage);
        List<JsonNode> served = new ArrayList<>();
        spec.path("versions").forEach(v -> {
            if (v.path("served").asBoolean(false)) {
                served.add(v);
            }
        });
        served.sort((a, b) -> VersionPriority.ORDER.compare(a.path("name").asText(), b.path("name").asText()));
        List<KindInfo> kinds = new ArrayList<>();
        for (JsonNode v : served) {
            String version = v.path("name").asText();
            JsonNode schema = v.path("schema").get("openAPIV3Schema");
            List<Subresource> subresources = new ArrayList<>();
            ScalePaths scale = null;
            JsonNode scaleSpec = v.path("subresources").get("scale");
            if (scaleSpec != null && scaleSpec.isObject()) {
                subresources.add(Subresource.scale());
                scale = new ScalePaths(scaleSpec.path("specReplicasPath").asText(),
                        scaleSpec.path("statusReplicasPath").asText(),
                        scaleSpec.hasNonNull("labelSelectorPath") ? scaleSpec.get("labelSelectorPath").asText() : null);
            }
            if (v.path("subresources").has("status")) {
                subresources.add(Subresource.status(group, version, names.kind()));
            }
            CustomResource custom = new CustomResource(storage, schema, printerColumns(v), scale,
                    storageDefaults, selectableFields(v));
            kinds.add(new KindInfo(group, version, names.kind(), names.plural(), names.singular(), namespaced,
                    names.shortNames(), KindInfo.ALL_VERBS, names.categories(), List.copyOf(subresources), true,
                    schema == null ? Admission.NONE
                            : new CustomResourceAdmission(group, names.kind(), schema), custom));
        }
        return kinds;
    }

    static String storageVersion(JsonNode spec) {
        for (JsonNode v : spec.path("versions")) {
            if (v.path("storage").asBoolean(false)) {
                return v.path("name").asText();
            }
        }
        return null;
    }

    /** The storage version's defaults; nothing for a version without a schema. */
    private static Consumer<ObjectNode> storageDefaults(JsonNode spec, String storage) {
        for (JsonNode v : spec.path("versions")) {
            JsonNode schema = v.path("schema").get("openAPIV3Schema");
            if (v.path("name").asText().equals(storage) && schema != null) {
                return object -> Defaulter.onRead(object, schema);
            }
        }
        return object -> {
        };
    }

    /** The labels of the version's selectableFields: each jsonPath without its leading dot, as upstream names them. */
    private static List<String> selectableFields(JsonNode version) {
        List<String> labels = new ArrayList<>();
        for (JsonNode field : version.path("selectableFields")) {
            String path = field.path("jsonPath").asText();
            labels.add(path.startsWith(".") ? path.substring(1) : path);
        }
        return labels;
    }

    /** The version's additionalPrinterColumns, or upstream's default: one Age column. */
    private static List<PrinterColumn> printerColumns(JsonNode version) {
        List<PrinterColumn> columns = new ArrayList<>();
        for (JsonNode c : version.path("additionalPrinterColumns")) {
            columns.add(new PrinterColumn(c.path("name").asText(), c.path("type").asText(),
                    c.path("format").asText(""), c.path("description").asText(""), c.path("priority").asInt(0),
                    c.path("jsonPath").asText()));
        }
        if (columns.isEmpty()) {
            columns.add(new PrinterColumn("Age", "date", "", CREATION_TIMESTAMP_DOC, 0,
                    ".metadata.creationTimestamp"));
        }
        return List.copyOf(columns);
    }
}
