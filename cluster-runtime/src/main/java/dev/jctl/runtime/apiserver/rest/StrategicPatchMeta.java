package dev.jctl.runtime.apiserver.rest;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jctl.diff.smp.BuiltinPatchMeta;
import dev.jctl.diff.smp.OpenApiPatchMeta;
import dev.jctl.diff.smp.PatchMeta;
import dev.jctl.runtime.apiserver.openapi.SchemaCatalog;
import dev.jctl.runtime.apiserver.registry.KindInfo;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The patch strategies a strategic merge patch of a kind follows: kubectl's baked-in table, else the server's own
 * schemas, which also cover the built-in kinds the table leaves out (CustomResourceDefinition, Lease,
 * EndpointSlice...). Empty for custom resources, which kube-apiserver refuses strategic patches for.
 */
final class StrategicPatchMeta {
    private static final Map<String, Optional<PatchMeta>> BY_KIND = new ConcurrentHashMap<>();

    private StrategicPatchMeta() {
    }

    static Optional<PatchMeta> forKind(KindInfo kind) {
        return BY_KIND.computeIfAbsent(kind.apiVersion() + "/" + kind.kind(),
                key -> BuiltinPatchMeta.forKind(kind.apiVersion(), kind.kind()).or(() -> fromSchemas(kind)));
    }

    private static Optional<PatchMeta> fromSchemas(KindInfo kind) {
        SchemaCatalog catalog = SchemaCatalog.builtin();
        return catalog.schemaName(kind.group(), kind.version(), kind.kind())
                .map(name -> OpenApiPatchMeta.v3(Document.INSTANCE, name));
    }

    /** The catalog as one OpenAPI v3 document, built on first use. */
    private static final class Document {
        static final ObjectNode INSTANCE = build();

        private static ObjectNode build() {
            ObjectNode document = JsonNodeFactory.instance.objectNode();
            document.putObject("components").putObject("schemas").setAll(SchemaCatalog.builtin().schemas());
            return document;
        }
    }
}
