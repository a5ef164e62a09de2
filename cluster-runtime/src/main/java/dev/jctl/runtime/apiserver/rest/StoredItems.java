package dev.jctl.runtime.apiserver.rest;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonSerializable;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.jsontype.TypeSerializer;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.POJONode;
import dev.jctl.runtime.apiserver.Json;
import dev.jctl.runtime.apiserver.registry.KindInfo;
import dev.jctl.runtime.storage.KeyValue;

import java.io.IOException;
import java.util.List;

/**
 * The items of a list response written from their stored bytes: each object's JSON tokens are copied with
 * apiVersion and kind first and metadata.resourceVersion set, the same bytes {@link ObjectStore#decode} and
 * serialising its result give, without building a tree per object and writing it out again. A LIST of hundreds of
 * objects costs a fraction of the CPU, and it runs on the parser and generator every create already keeps hot, so
 * a server that has only taken writes answers its first large LISTs without waiting on the JIT.
 */
public final class StoredItems implements JsonSerializable {
    private final KindInfo kind;
    private final List<KeyValue> items;

    StoredItems(KindInfo kind, List<KeyValue> items) {
        this.kind = kind;
        this.items = items;
    }

    /** Kinds whose stored objects are served as they are (custom resources get defaults, events.k8s.io a rename). */
    static boolean servesAsStored(KindInfo kind) {
        return kind.custom() == null && !EventVersions.isEventsV1(kind);
    }

    /** {@code list} with decoded items, for renderings that read them (Table rows); other lists unchanged. */
    public static ObjectNode decoded(ObjectNode list) {
        if (list.get("items") instanceof POJONode node && node.getPojo() instanceof StoredItems stored) {
            ArrayNode objects = list.arrayNode();
            stored.items.forEach(kv -> objects.add(ObjectStore.decode(stored.kind, kv)));
            list.set("items", objects);
        }
        return list;
    }

    @Override
    public void serialize(JsonGenerator out, SerializerProvider serializers) throws IOException {
        out.writeStartArray();
        for (KeyValue kv : items) {
            write(kv, out);
        }
        out.writeEndArray();
    }

    @Override
    public void serializeWithType(JsonGenerator out, SerializerProvider serializers, TypeSerializer types)
            throws IOException {
        serialize(out, serializers);
    }

    private void write(KeyValue kv, JsonGenerator out) throws IOException {
        String revision = Long.toString(kv.modRevision());
        try (JsonParser in = Json.MAPPER.getFactory().createParser(kv.value())) {
            if (in.nextToken() != JsonToken.START_OBJECT) {
                throw new IOException("the stored value of " + kv.key() + " is not a JSON object");
            }
            out.writeStartObject();
            out.writeStringField("apiVersion", kind.apiVersion());
            out.writeStringField("kind", kind.kind());
            boolean metadata = false;
            while (in.nextToken() == JsonToken.FIELD_NAME) {
                String name = in.currentName();
                JsonToken value = in.nextToken();
                if (name.equals("apiVersion") || name.equals("kind")) {
                    in.skipChildren();
                    continue;
                }
                out.writeFieldName(name);
                if (name.equals("metadata")) {
                    metadata = true;
                    writeMetadata(in, value, revision, out);
                } else {
                    out.copyCurrentStructure(in);
                }
            }
            if (!metadata) {
                out.writeObjectFieldStart("metadata");
                out.writeStringField("resourceVersion", revision);
                out.writeEndObject();
            }
            out.writeEndObject();
        }
    }

    /** As {@link Json#metadata} and a put of resourceVersion treat it: replaced in place, else added last. */
    private static void writeMetadata(JsonParser in, JsonToken value, String revision, JsonGenerator out)
            throws IOException {
        out.writeStartObject();
        boolean written = false;
        if (value == JsonToken.START_OBJECT) {
            while (in.nextToken() == JsonToken.FIELD_NAME) {
                String name = in.currentName();
                in.nextToken();
                out.writeFieldName(name);
                if (name.equals("resourceVersion")) {
                    in.skipChildren();
                    out.writeString(revision);
                    written = true;
                } else {
                    out.copyCurrentStructure(in);
                }
            }
        } else {
            in.skipChildren();
        }
        if (!written) {
            out.writeStringField("resourceVersion", revision);
        }
        out.writeEndObject();
    }
}
