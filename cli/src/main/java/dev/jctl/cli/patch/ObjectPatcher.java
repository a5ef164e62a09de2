package dev.jctl.cli.patch;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jctl.cli.apply.DryRun;
import dev.jctl.cli.client.ApiException;
import dev.jctl.cli.client.ApiResource;
import dev.jctl.cli.client.Connection;
import dev.jctl.cli.select.ObjectFinder;
import dev.jctl.diff.PatchException;
import dev.jctl.diff.json.JsonValues;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * {@code kubectl patch} of one object. Against a cluster the patch goes to the server as it was given, with the
 * field manager, {@code dryRun=All} for a server dry run, and to the subresource when one is named; the server's
 * answer is the result. With {@code --local} or {@code --dry-run=client} it is applied here to the object found
 * ({@link LocalPatcher}) and nothing is sent. Either way the result is compared with the object found, which is
 * how kubectl decides between {@code patched} and {@code patched (no change)}: for objects named on the command
 * line that is the live object (at the subresource), for {@code -f} the object as the file has it.
 */
public final class ObjectPatcher {
    /** {@code --field-manager}'s default. */
    public static final String FIELD_MANAGER = "kubectl-patch";

    private static final String UNSUPPORTED_MEDIA_TYPE = "UnsupportedMediaType";

    private final Connection connection;
    private final PatchDocument patch;
    private final DryRun dryRun;
    private final String fieldManager;
    private final String subresource;

    /**
     * @param connection   null for {@code --local}
     * @param subresource  null or empty for the object itself
     */
    public ObjectPatcher(Connection connection, PatchDocument patch, DryRun dryRun, String fieldManager,
                         String subresource) {
        this.connection = connection;
        this.patch = patch;
        this.dryRun = dryRun;
        this.fieldManager = fieldManager;
        this.subresource = subresource == null || subresource.isEmpty() ? null : subresource;
    }

    /** One object before and after the patch. */
    public record Result(JsonNode before, JsonNode after) {
        /** kubectl's reflect.DeepEqual of the two. */
        public boolean changed() {
            return !JsonValues.equal(before, after);
        }

        /** The words of kubectl's output line; kubectl patch adds no dry-run suffix to them. */
        public String operation() {
            return changed() ? "patched" : "patched (no change)";
        }
    }

    /**
     * Patches one object that was found (its {@code error} null).
     *
     * @throws ApiException   the server refused the patch
     * @throws PatchException the patch cannot be applied here, or the server does not take its type for the
     *                        object's kind, in kubectl's words
     */
    public Result patch(ObjectFinder.Item item) {
        if (connection == null || dryRun == DryRun.CLIENT) {
            return new Result(item.object(), LocalPatcher.apply(item.object(), patch));
        }
        try {
            return new Result(item.object(), connection.send(new Connection.Request("PATCH", path(item),
                    patch.type().contentType(), patch.json(), "application/json")));
        } catch (ApiException e) {
            if (e.code() == 415 && UNSUPPORTED_MEDIA_TYPE.equals(e.reason())) {
                ApiResource resource = item.resource();
                throw new PatchException(patch.type().contentType() + " is not supported by "
                        + LocalPatcher.groupVersionKind(resource.apiVersion(), resource.kind()) + ": "
                        + e.getMessage(), e);
            }
            throw e;
        }
    }

    private String path(ObjectFinder.Item item) {
        StringBuilder path = new StringBuilder(item.resource().objectPath(item.namespace(), item.name()));
        if (subresource != null) {
            path.append('/').append(subresource);
        }
        char separator = '?';
        if (fieldManager != null && !fieldManager.isEmpty()) {
            path.append(separator).append("fieldManager=").append(URLEncoder.encode(fieldManager, StandardCharsets.UTF_8));
            separator = '&';
        }
        if (dryRun == DryRun.SERVER) {
            path.append(separator).append("dryRun=All");
        }
        return path.toString();
    }
}
