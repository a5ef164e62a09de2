package dev.jctl.cli.wait;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jctl.cli.client.Connection;
import org.junit.jupiter.api.Test;

class WaitForTest {
    private static JsonNode json(String text) throws Exception {
        return Connection.JSON.readTree(text);
    }

    private static WaitFor.ObjectCheck check(String value) {
        return (WaitFor.ObjectCheck) WaitFor.parse(value);
    }

    @Test
    void parsesKubectlsForms() {
        assertInstanceOf(WaitFor.Delete.class, WaitFor.parse("Delete"));
        assertInstanceOf(WaitFor.Create.class, WaitFor.parse("create"));
        assertEquals(new WaitFor.Condition("Ready", "true"), WaitFor.parse("condition=Ready"));
        assertEquals(new WaitFor.Condition("Ready", "False"), WaitFor.parse("condition=Ready=False"));
        assertEquals("unrecognized condition: \"\"",
                assertThrows(IllegalArgumentException.class, () -> WaitFor.parse(null)).getMessage());
        assertEquals("unexpected path string, expected a 'name1.name2' or '.name1.name2' or '{name1.name2}' or "
                        + "'{.name1.name2}'",
                assertThrows(IllegalArgumentException.class, () -> WaitFor.parse("jsonpath={a}{b}")).getMessage());
        assertEquals("jsonpath expression cannot be empty",
                assertThrows(IllegalArgumentException.class, () -> WaitFor.parse("jsonpath==1")).getMessage());
    }

    @Test
    void conditionsMatchIgnoringCaseAndNotWhenStale() throws Exception {
        JsonNode ready = json("""
                {"metadata":{"generation":2},"status":{"observedGeneration":2,
                 "conditions":[{"type":"Ready","status":"True"}]}}""");
        assertTrue(check("condition=ready").isMet(ready));
        assertFalse(check("condition=Ready=false").isMet(ready));
        assertFalse(check("condition=Other").isMet(ready));
        JsonNode stale = json("""
                {"metadata":{"generation":3},"status":{"observedGeneration":2,
                 "conditions":[{"type":"Ready","status":"True"}]}}""");
        assertFalse(check("condition=Ready").isMet(stale));
        JsonNode conditionCurrent = json("""
                {"metadata":{"generation":3},"status":{"observedGeneration":2,
                 "conditions":[{"type":"Ready","status":"True","observedGeneration":3}]}}""");
        assertTrue(check("condition=Ready").isMet(conditionCurrent));
    }

    @Test
    void jsonPathsCompareOneScalar() throws Exception {
        JsonNode pod = json("""
                {"status":{"phase":"Running","ready":3,"ingress":[{"ip":"10.0.0.1"}],
                 "conditions":[{"type":"Ready","status":"True"},{"type":"Synced","status":"False"}]}}""");
        assertTrue(check("jsonpath={.status.phase}=Running").isMet(pod));
        assertTrue(check("jsonpath=.status.ready='3'").isMet(pod));
        assertFalse(check("jsonpath={.status.phase}=Pending").isMet(pod));
        assertTrue(check("jsonpath={.status.ingress}").isMet(pod));
        assertFalse(check("jsonpath={.status.missing}").isMet(pod));
        assertTrue(check("jsonpath={.status.conditions[?(@.type==\"Ready\")].status}=True").isMet(pod));
        assertEquals("jsonpath leads to a nested object or list which is not supported",
                assertThrows(IllegalStateException.class, () -> check("jsonpath={.status}=x").isMet(pod)).getMessage());
        assertEquals("given jsonpath expression matches more than one value", assertThrows(IllegalStateException.class,
                () -> check("jsonpath={.status.conditions[*].type}=Ready").isMet(pod)).getMessage());
    }
}
