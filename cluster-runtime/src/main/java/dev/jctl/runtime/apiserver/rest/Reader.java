package dev.jctl.runtime.apiserver.rest;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jctl.runtime.apiserver.ApiException;
import dev.jctl.runtime.apiserver.Json;
import dev.jctl.runtime.apiserver.registry.KindInfo;
import dev.jctl.runtime.storage.KeyValue;
import dev.jctl.runtime.storage.ListResult;
import dev.jctl.runtime.storage.StorageException;

import java.util.ArrayList;
import java.util.List;

/** GET of one object, and lists with selectors and {@code limit}/{@code continue} pagination. */
public final class Reader {
    /** How many keys one storage read fetches while filtering: selectors may reject most of them. */
    private static final int SCAN_CHUNK = 500;

    private final ObjectStore store;

    public Reader(ObjectStore store) {
        this.store = store;
    }

    public Reply get(ApiRequest request) {
        RequestTarget t = request.target();
        return Reply.ok(store.get(t.kind(), t.namespace(), t.name()));
    }

    /**
     * Every page is read at the revision of the first one, so a paginated list is one consistent snapshot;
     * once that revision is compacted the continue token expires with 410, as upstream.
     */
    public ObjectNode list(ApiRequest request) {
        return list(request.target(), ListQuery.from(request));
    }

    ObjectNode list(RequestTarget target, ListQuery query) {
        return scan(target, query).toList(target.kind(), false);
    }

    /**
     * {@link #list}, for a response only: without selectors, the items of a kind stored as it is served are written
     * from their stored bytes ({@link StoredItems}) rather than decoded and serialised again.
     */
    ObjectNode listToSend(ApiRequest request) {
        ListQuery query = ListQuery.from(request);
        return scan(request.target(), query).toList(request.target().kind(),
                query.selectsAll() && StoredItems.servesAsStored(request.target().kind()));
    }

    /** The stored values a list shows, each with its decoded object where a selector had to look at it. */
    private record Page(List<KeyValue> items, List<ObjectNode> decoded, long revision, String continueToken) {
        ObjectNode toList(KindInfo kind, boolean asStored) {
            ObjectNode list = Json.object();
            list.put("kind", kind.listKind()).put("apiVersion", kind.apiVersion());
            ObjectNode meta = list.putObject("metadata");
            meta.put("resourceVersion", Long.toString(revision));
            if (continueToken != null) {
                meta.put("continue", continueToken);
            }
            if (asStored) {
                list.putPOJO("items", new StoredItems(kind, items));
                return list;
            }
            ArrayNode objects = list.putArray("items");
            for (int i = 0; i < items.size(); i++) {
                ObjectNode object = decoded.get(i);
                objects.add(object != null ? object : ObjectStore.decode(kind, items.get(i)));
            }
            return list;
        }
    }

    private Page scan(RequestTarget target, ListQuery query) {
        KindInfo kind = target.kind();
        String prefix = ObjectStore.prefix(kind, target.namespace());
        long revision = query.continueToken() == null ? 0 : query.continueToken().revision();
        String after = query.continueToken() == null ? null : query.continueToken().lastKey();
        List<KeyValue> items = new ArrayList<>();
        List<ObjectNode> decoded = new ArrayList<>();
        String lastKey = null;
        boolean more = false;
        try {
            scan:
            while (true) {
                int chunk = query.limit() > 0 ? Math.max(query.limit() - items.size(), Math.min(SCAN_CHUNK,
                        query.limit() * 2)) : 0;
                ListResult page = store.storage().list(prefix, revision, after, chunk);
                revision = page.revision();
                for (int i = 0; i < page.items().size(); i++) {
                    KeyValue kv = page.items().get(i);
                    lastKey = kv.key();
                    ObjectNode object = query.selectsAll() ? null : ObjectStore.decode(kind, kv);
                    if (object == null || query.matches(object)) {
                        items.add(kv);
                        decoded.add(object);
                        if (query.limit() > 0 && items.size() == query.limit()) {
                            more = i < page.items().size() - 1 || page.more();
                            break scan;
                        }
                    }
                }
                if (!page.more() || page.items().isEmpty()) {
                    break;
                }
                after = lastKey;
            }
        } catch (StorageException.Gone e) {
            throw ApiException.gone("The provided continue parameter is too old to display a consistent list"
                    + " result. You can start a new list without the continue parameter, or use the continue token"
                    + " in this response to retrieve the remainder of the results. Continuing with the provided"
                    + " token results in an inconsistent list - objects that were created, modified, or deleted"
                    + " between the time the first chunk was returned and now may show up in the list.");
        }
        return new Page(items, decoded, revision, more ? new ContinueToken(revision, lastKey).encode() : null);
    }
}
