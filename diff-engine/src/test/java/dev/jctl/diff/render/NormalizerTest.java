package dev.jctl.diff.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class NormalizerTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void dropsOnlyWhatIsAskedForAndLeavesTheInputAlone() throws Exception {
        JsonNode live = JSON.readTree("""
                {"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"c","uid":"u","resourceVersion":"7",
                 "creationTimestamp":"2024-01-01T00:00:00Z","generation":2,"selfLink":"/x",
                 "managedFields":[{"manager":"kubectl"}],"labels":{"a":"b"}},"data":{"k":"v"},"status":{"x":1}}""");
        JsonNode original = live.deepCopy();

        JsonNode managedOnly = Normalizer.builder().dropManagedFields(true).build().normalize(live);
        assertFalse(managedOnly.path("metadata").has("managedFields"));
        assertTrue(managedOnly.path("metadata").has("uid"));
        assertTrue(managedOnly.has("status"));

        JsonNode all = Normalizer.builder().dropManagedFields(true).dropStatus(true).dropServerMetadata(true).build()
                .normalize(live);
        assertEquals(JSON.readTree("{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\","
                + "\"metadata\":{\"name\":\"c\",\"labels\":{\"a\":\"b\"}},\"data\":{\"k\":\"v\"}}"), all);
        assertEquals(original, live);
    }

    @Test
    void masksSecretValuesLikeKubectlDiff() throws Exception {
        JsonNode live = secret("{\"same\":\"YQ==\",\"changed\":\"b2xk\",\"removed\":\"eA==\"}");
        JsonNode merged = secret("{\"same\":\"YQ==\",\"changed\":\"bmV3\",\"added\":\"eQ==\"}");

        ObjectPair masked = Normalizer.kubectlDiff().normalize(live, merged);

        assertEquals(JSON.readTree("{\"same\":\"***\",\"changed\":\"*** (before)\",\"removed\":\"***\"}"),
                masked.before().get("data"));
        assertEquals(JSON.readTree("{\"same\":\"***\",\"changed\":\"*** (after)\",\"added\":\"***\"}"),
                masked.after().get("data"));
        assertEquals("YQ==", live.path("data").path("same").asText(), "input untouched");
    }

    @Test
    void masksStringDataAndOneSidedSecrets() throws Exception {
        JsonNode created = JSON.readTree("{\"apiVersion\":\"v1\",\"kind\":\"Secret\",\"metadata\":{\"name\":\"s\"},"
                + "\"stringData\":{\"password\":\"hunter2\"}}");

        ObjectPair masked = Normalizer.kubectlDiff().normalize(null, created);

        assertNull(masked.before());
        assertEquals("***", masked.after().path("stringData").path("password").asText());
        ObjectPair deleted = Normalizer.kubectlDiff().normalize(created, null);
        assertEquals("***", deleted.before().path("stringData").path("password").asText());
    }

    @Test
    void leavesOtherKindsAndUnmaskedNormalizersAlone() throws Exception {
        JsonNode configMap = JSON.readTree("{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"data\":{\"k\":\"v\"}}");
        assertEquals("v", Normalizer.kubectlDiff().normalize(configMap, configMap).after().path("data").path("k").asText());
        JsonNode secret = secret("{\"k\":\"dg==\"}");
        assertEquals("dg==", Normalizer.builder().build().normalize(secret, secret).after().path("data").path("k").asText());
    }

    private static JsonNode secret(String data) throws Exception {
        return JSON.readTree("{\"apiVersion\":\"v1\",\"kind\":\"Secret\",\"metadata\":{\"name\":\"s\"},\"data\":" + data + "}");
    }
}
