package dev.jctl.runtime.apiserver.openapi;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jctl.diff.smp.BuiltinPatchMeta;
import dev.jctl.runtime.apiserver.registry.BuiltinKinds;
import dev.jctl.runtime.apiserver.registry.KindInfo;
import io.fabric8.kubernetes.api.model.DeleteOptions;
import io.fabric8.kubernetes.api.model.Patch;
import io.fabric8.kubernetes.api.model.Status;
import io.fabric8.kubernetes.api.model.autoscaling.v1.Scale;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** Generates the content of {@link SchemaCatalog#RESOURCE}: the kinds' schema names and all schemas. */
final class BuiltinSchemas {
    private BuiltinSchemas() {
    }

    static ObjectNode generate() {
        SchemaGenerator generator = new SchemaGenerator();
        Map<String, String> byGvk = new TreeMap<>();
        Map<String, KindInfo> patchable = new LinkedHashMap<>();
        for (KindInfo kind : BuiltinKinds.all()) {
            String name = generator.add(SchemaNames.modelClass(kind.group(), kind.version(), kind.kind()));
            byGvk.put(SchemaCatalog.key(kind.group(), kind.version(), kind.kind()), name);
            byGvk.put(SchemaCatalog.key(kind.group(), kind.version(), kind.listKind()),
                    generator.add(SchemaNames.modelClass(kind.group(), kind.version(), kind.listKind())));
            patchable.put(name, kind);
        }
        // what the operations of every resource take and answer besides the kinds themselves, and scale subresources
        for (Class<?> common : new Class<?>[] {Status.class, DeleteOptions.class, Patch.class}) {
            generator.add(common);
        }
        byGvk.put(SchemaCatalog.key("autoscaling", "v1", "Scale"), generator.add(Scale.class));
        Map<String, ObjectNode> schemas = generator.schemas();
        PatchAnnotator annotator = new PatchAnnotator(schemas);
        Set<String> done = new HashSet<>();
        patchable.forEach((name, kind) -> BuiltinPatchMeta.forKind(kind.apiVersion(), kind.kind())
                .ifPresent(meta -> annotator.annotate(name, meta, done)));
        ObjectNode resource = JsonNodeFactory.instance.objectNode();
        ObjectNode kinds = resource.putObject("kinds");
        byGvk.forEach(kinds::put);
        ObjectNode all = resource.putObject("schemas");
        schemas.forEach(all::set);
        return resource;
    }
}
