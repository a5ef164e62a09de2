package dev.jctl.runtime.apiserver.protobuf;

import dev.jctl.runtime.apiserver.ApiException;
import org.junit.jupiter.api.Test;

import java.util.HexFormat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class KubeProtobufTest {
    /** What kubectl v1.32 sends for {@code kubectl create configmap cm1 --from-literal=a=b -n demo}. */
    private static final String KUBECTL_CONFIGMAP = "6b3873000a0f0a0276311209436f6e6669674d617012210a170a03636d311200"
            + "1a0464656d6f22002a0032003800420012060a01611201621a002200";

    @Test
    void decodesWhatKubectlSends() {
        assertEquals("{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"cm1\",\"namespace\":"
                + "\"demo\"},\"data\":{\"a\":\"b\"}}",
                KubeProtobuf.toJson(HexFormat.of().parseHex(KUBECTL_CONFIGMAP)).toString());
    }

    @Test
    void unknownKindsAreUnsupportedMediaTypes() {
        // an envelope naming apps/v1 StatefulSet, whose schema is not decoded
        String statefulSet = "6b3873000a160a07617070732f7631120b537461746566756c536574120022002200";
        ApiException e = assertThrows(ApiException.class,
                () -> KubeProtobuf.toJson(HexFormat.of().parseHex(statefulSet)));
        assertEquals(415, e.code());
    }

    @Test
    void fieldsSetButNotUnderstoodAreRefusedRatherThanDropped() {
        // the same ConfigMap with metadata.selfLink (field 4) set to "x" instead of empty
        String withSelfLink = "6b3873000a0f0a0276311209436f6e6669674d617012220a180a03636d3112001a0464656d6f2201782a00"
                + "32003800420012060a01611201621a002200";
        ApiException e = assertThrows(ApiException.class,
                () -> KubeProtobuf.toJson(HexFormat.of().parseHex(withSelfLink)));
        assertEquals(415, e.code());
        assertEquals("the protobuf encoding of field 4 of ObjectMeta is not supported; send"
                + " application/json", e.getMessage());
    }

    @Test
    void garbageIsABadRequest() {
        assertEquals(400, assertThrows(ApiException.class,
                () -> KubeProtobuf.toJson(new byte[]{1, 2, 3, 4, 5})).code());
        assertEquals(400, assertThrows(ApiException.class,
                () -> KubeProtobuf.toJson(HexFormat.of().parseHex("6b387300ff"))).code());
    }
}
