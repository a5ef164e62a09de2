package dev.jctl.runtime.apiserver.rest;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jctl.runtime.apiserver.Json;
import dev.jctl.runtime.apiserver.registry.BuiltinKinds;
import dev.jctl.runtime.apiserver.registry.KindInfo;
import dev.jctl.runtime.storage.KeyValue;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StoredItemsTest {
    private static final KindInfo DEPLOYMENTS = kind("apps", "Deployment");

    private static KindInfo kind(String group, String name) {
        return BuiltinKinds.all().stream().filter(k -> k.group().equals(group) && k.kind().equals(name)).findFirst()
                .orElseThrow();
    }

    /** What the list response held before: every stored object decoded, then the whole array serialised. */
    private static String decodedThenWritten(KindInfo kind, List<KeyValue> items) {
        ArrayNode objects = Json.MAPPER.createArrayNode();
        items.forEach(kv -> objects.add(ObjectStore.decode(kind, kv)));
        return new String(Json.bytes(objects), StandardCharsets.UTF_8);
    }

    private static String streamed(KindInfo kind, List<KeyValue> items) {
        ObjectNode holder = Json.object();
        holder.putPOJO("items", new StoredItems(kind, items));
        String json = new String(Json.bytes(holder), StandardCharsets.UTF_8);
        return json.substring("{\"items\":".length(), json.length() - 1);
    }

    private static KeyValue stored(String json, long revision) {
        ObjectNode object = (ObjectNode) Json.parse(json.getBytes(StandardCharsets.UTF_8));
        return new KeyValue("/registry/deployments/ns/" + revision, ObjectStore.encode(object), revision, revision);
    }

    @Test
    void writesTheBytesThatDecodingAndSerialisingWrite() {
        List<KeyValue> items = new ArrayList<>();
        // stored the usual way: apiVersion and kind first, metadata without resourceVersion
        items.add(stored("""
                {"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"web","namespace":"ns",
                 "labels":{"app":"web"},"annotations":{"kubectl.kubernetes.io/last-applied-configuration":
                 "{\\"apiVersion\\":\\"apps/v1\\",\\"kind\\":\\"Deployment\\"}\\n","note":"tab\\there \\u00e9 \\ud83d\\ude00 </script>"}},
                 "spec":{"replicas":3,"ratio":0.1,"big":12345678901234567890123,"tiny":-0.0,"exp":1.5E10,"neg":-42,
                 "flags":[true,false,null],"empty":{},"none":[],"nested":[[1,2],[{"a":"b"}]]}}""", 7));
        // apiVersion and kind after other fields, as the served form puts them back first
        items.add(stored("""
                {"spec":{"replicas":1},"kind":"Deployment","metadata":{"name":"late"},"apiVersion":"apps/v1"}""", 9));
        // no metadata at all, and metadata that is not an object
        items.add(stored("{\"apiVersion\":\"apps/v1\",\"kind\":\"Deployment\",\"spec\":{}}", 11));
        items.add(stored("{\"apiVersion\":\"apps/v1\",\"kind\":\"Deployment\",\"metadata\":null,\"x\":1}", 12));
        // metadata that names a resourceVersion: replaced in place
        items.add(new KeyValue("/k", "{\"metadata\":{\"resourceVersion\":\"1\",\"name\":\"rv\"}}"
                .getBytes(StandardCharsets.UTF_8), 13, 14));
        String expected = decodedThenWritten(DEPLOYMENTS, items);
        assertEquals(expected, streamed(DEPLOYMENTS, items));
        assertTrue(expected.contains("\"metadata\":{\"resourceVersion\":\"14\",\"name\":\"rv\"}"), expected);
    }

    @Test
    void anEmptyListIsAnEmptyArray() {
        assertEquals("[]", streamed(DEPLOYMENTS, List.of()));
    }

    @Test
    void kindsShownDifferentlyFromTheirStoredFormAreNotStreamed() {
        assertTrue(StoredItems.servesAsStored(DEPLOYMENTS));
        assertFalse(StoredItems.servesAsStored(kind("events.k8s.io", "Event")));
        assertTrue(StoredItems.servesAsStored(kind("", "Event")));
    }

    @Test
    void tableRenderingGetsTheDecodedObjects() {
        List<KeyValue> items = List.of(stored("{\"apiVersion\":\"apps/v1\",\"kind\":\"Deployment\","
                + "\"metadata\":{\"name\":\"web\"}}", 5));
        ObjectNode list = Json.object();
        list.putPOJO("items", new StoredItems(DEPLOYMENTS, items));
        ArrayNode decoded = assertInstanceOf(ArrayNode.class, StoredItems.decoded(list).get("items"));
        assertEquals(ObjectStore.decode(DEPLOYMENTS, items.get(0)), decoded.get(0));
    }
}
