package dev.jctl.diff.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.DoubleNode;
import org.junit.jupiter.api.Test;

class JsonWriterTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Printed by {@code kubectl patch --local -f e.json --type merge -p '{}' -o json} (v1.32). */
    @Test
    void printsWhatKubectlPrints() throws Exception {
        String input = "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"x\"},"
                + "\"data\":{\"b\":\"a&b<c>d\",\"a\":\"\u00e9\\u2028 \\t\",\"Z\":\"x\"},"
                + "\"num\":{\"f\":1e-7,\"g\":1.5e21,\"h\":0.5,\"i\":1e20,\"e\":[],\"o\":{}}}";
        assertEquals("""
                {
                    "apiVersion": "v1",
                    "data": {
                        "Z": "x",
                        "a": "\u00e9\\u2028 \\t",
                        "b": "a\\u0026b\\u003cc\\u003ed"
                    },
                    "kind": "ConfigMap",
                    "metadata": {
                        "name": "x"
                    },
                    "num": {
                        "e": [],
                        "f": 1e-7,
                        "g": 1.5e+21,
                        "h": 0.5,
                        "i": 100000000000000000000,
                        "o": {}
                    }
                }
                """, JsonWriter.kubectl().write(JSON.readTree(input)));
    }

    @Test
    void twoSpacesKeepTreeOrder() throws Exception {
        assertEquals("{\n  \"b\": [\n    1,\n    true,\n    null\n  ],\n  \"a\": \"x\"\n}\n",
                JsonWriter.twoSpacesTreeOrder().write(JSON.readTree("{\"b\":[1,true,null],\"a\":\"x\"}")));
    }

    /** Go's json.Marshal of a map: sorted keys, no white space, the same escapes and number forms. */
    @Test
    void marshalIsCompactGoJson() throws Exception {
        assertEquals("{\"a\":[1,{},[]],\"b\":\"x\\u003cy\",\"c\":{\"d\":1e-7,\"e\":null}}",
                JsonWriter.marshal(JSON.readTree("{\"c\":{\"e\":null,\"d\":1e-7},\"b\":\"x<y\",\"a\":[1,{},[]]}")));
    }

    @Test
    void notANumberIsNotJson() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> JsonWriter.kubectl().write(DoubleNode.valueOf(Double.NaN)));
        assertEquals("json: unsupported value: NaN", e.getMessage());
    }
}
