package dev.jctl.runtime.apiserver.validation;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Go's printing and base64 errors, checked against what Go prints for the same inputs. */
class GoFormatsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void valuesPrintAsFmtPrintsThem() throws Exception {
        assertEquals("map[a:[1 x <nil> true] b:map[c:1.5]]",
                GoValues.plusV(JSON.readTree("{\"b\":{\"c\":1.5},\"a\":[1,\"x\",null,true]}")));
        assertEquals("1e+06", GoValues.goFloat(1e6));
        assertEquals("123456.5", GoValues.goFloat(123456.5));
        assertEquals("1e-05", GoValues.goFloat(0.00001));
        assertEquals("\"a\\\"b\\n\"", GoValues.quote("a\"b\n"));
        assertEquals("v1.LabelSelector{MatchLabels:map[string]string(nil), MatchExpressions:"
                        + "[]v1.LabelSelectorRequirement{v1.LabelSelectorRequirement{Key:\"k\", Operator:\"Exists\","
                        + " Values:[]string(nil)}}}",
                GoValues.labelSelector(JSON.readTree("{\"matchExpressions\":[{\"key\":\"k\",\"operator\":\"Exists\"}]}")));
    }
}
