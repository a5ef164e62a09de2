package dev.jctl.runtime.apiserver.selector;

import dev.jctl.runtime.apiserver.ApiException;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LabelSelectorTest {
    private static final Map<String, String> WEB = Map.of("app", "web", "tier", "front", "replicas", "3");

    @Test
    void equalityRequirements() {
        assertTrue(LabelSelector.parse("app=web").test(WEB));
        assertTrue(LabelSelector.parse("app==web,tier=front").test(WEB));
        assertFalse(LabelSelector.parse("app=web,tier=back").test(WEB));
        assertTrue(LabelSelector.parse("app!=db").test(WEB));
        assertTrue(LabelSelector.parse("missing!=x").test(WEB), "!= matches objects without the label");
    }

    @Test
    void setBasedRequirements() {
        assertTrue(LabelSelector.parse("app in (db, web)").test(WEB));
        assertFalse(LabelSelector.parse("app notin (web)").test(WEB));
        assertTrue(LabelSelector.parse("env notin (prod)").test(WEB));
        assertTrue(LabelSelector.parse("tier,!env").test(WEB));
        assertFalse(LabelSelector.parse("!tier").test(WEB));
        assertTrue(LabelSelector.parse("app in (web),tier notin (back,middle)").test(WEB));
        assertTrue(LabelSelector.parse("replicas>2").test(WEB));
        assertFalse(LabelSelector.parse("replicas<2").test(WEB));
        assertTrue(LabelSelector.parse("example.com/team").test(Map.of("example.com/team", "")));
    }

    @Test
    void emptySelectsEverything() {
        assertTrue(LabelSelector.parse("").test(Map.of()));
        assertTrue(LabelSelector.parse(null).test(WEB));
    }

    @Test
    void malformedSelectorsAreBadRequests() {
        ApiException e = assertThrows(ApiException.class, () -> LabelSelector.parse("app=(web"));
        assertEquals(400, e.code());
        assertThrows(ApiException.class, () -> LabelSelector.parse("app in web"));
        assertThrows(ApiException.class, () -> LabelSelector.parse("a,,b"));
        assertThrows(ApiException.class, () -> LabelSelector.parse("-bad=x"));
    }
}
