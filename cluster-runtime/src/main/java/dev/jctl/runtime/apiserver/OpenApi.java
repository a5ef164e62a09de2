package dev.jctl.runtime.apiserver;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jctl.runtime.apiserver.openapi.OpenApiV3Documents;
import dev.jctl.runtime.apiserver.openapi.SchemaCatalog;
import dev.jctl.runtime.apiserver.registry.KindRegistry;

/**
 * {@code /openapi/v3}: the index of group-versions and, per group-version, the document of its resource paths,
 * operations (with the fieldValidation, dryRun and fieldManager parameters that tell kubectl to leave validation
 * to the server) and schemas, as {@link OpenApiV3Documents} builds them.
 */
final class OpenApi {
    private final OpenApiV3Documents documents;

    OpenApi(KindRegistry registry) {
        this.documents = new OpenApiV3Documents(registry, SchemaCatalog::builtin,
                "v" + Version.MAJOR + "." + Version.MINOR + ".0");
    }

    /** {@code suffix} is "" for the index or "/api/v1", "/apis/&lt;group&gt;/&lt;version&gt;". */
    ObjectNode document(String suffix) {
        if (suffix.isEmpty() || suffix.equals("/")) {
            return documents.index();
        }
        String gv = suffix.substring(1);
        String[] parts = gv.split("/");
        if (parts.length == 2 && parts[0].equals("api")) {
            return documents.forGroupVersion("", parts[1]).orElseThrow(ApiException::noSuchResource);
        }
        if (parts.length == 3 && parts[0].equals("apis")) {
            return documents.forGroupVersion(parts[1], parts[2]).orElseThrow(ApiException::noSuchResource);
        }
        throw ApiException.noSuchResource();
    }
}
