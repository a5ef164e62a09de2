package dev.jctl.diff.ssa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jctl.diff.io.Yaml;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FieldManagementTest {
    private static final Schema DEPLOYMENT = TestSchema.deployment();
    private static final FieldPath REPLICAS = FieldPath.fields("spec", "replicas");

    private static JsonNode yaml(String text) {
        return Yaml.parseTree(text);
    }

    @Test
    void applyOnNothingCreatesAndOwnsTheConfiguration() {
        JsonNode config = yaml("metadata: {name: x, labels: {a: '1'}}\nspec: {replicas: 2}");
        FieldManagement.Result r = FieldManagement.apply(null, config, DEPLOYMENT, Map.of(), "me", false);
        assertEquals(config, r.object());
        assertEquals(FieldSets.of(config, DEPLOYMENT), r.managers().get("me"));
    }

    @Test
    void reapplyingTheSameConfigurationChangesNothing() {
        JsonNode config = yaml("metadata: {name: x}\nspec: {replicas: 2}");
        FieldManagement.Result first = FieldManagement.apply(null, config, DEPLOYMENT, Map.of(), "me", false);
        FieldManagement.Result again = FieldManagement.apply(first.object(), config, DEPLOYMENT, first.managers(),
                "me", false);
        assertNull(again.object());
        assertEquals(first.managers(), again.managers());
    }

    @Test
    void changingAFieldAnotherManagerOwnsConflictsUnlessForced() {
        JsonNode live = yaml("metadata: {name: x}\nspec: {replicas: 5}");
        Map<String, FieldSet> managers = Map.of("scaler", FieldSet.of(REPLICAS));
        JsonNode config = yaml("metadata: {name: x}\nspec: {replicas: 2}");
        ApplyConflictException e = assertThrows(ApplyConflictException.class,
                () -> FieldManagement.apply(live, config, DEPLOYMENT, managers, "me", false));
        assertEquals(List.of(new Conflict("scaler", REPLICAS)), e.conflicts());

        FieldManagement.Result forced = FieldManagement.apply(live, config, DEPLOYMENT, managers, "me", true);
        assertEquals(2, forced.object().path("spec").path("replicas").asInt());
        assertEquals(List.of("me"), List.copyOf(forced.managers().keySet()), "the scaler lost its only field");
    }

    @Test
    void applyingTheSameValueSharesOwnership() {
        JsonNode live = yaml("metadata: {name: x}\nspec: {replicas: 5}");
        FieldManagement.Result r = FieldManagement.apply(live, yaml("spec: {replicas: 5}"), DEPLOYMENT,
                Map.of("scaler", FieldSet.of(REPLICAS)), "me", false);
        assertTrue(r.managers().get("scaler").contains(REPLICAS) && r.managers().get("me").contains(REPLICAS));
    }

    @Test
    void omittedFieldsAreRemovedUnlessSomeoneElseOwnsThem() {
        JsonNode first = yaml("metadata: {name: x, labels: {a: '1', b: '2', c: '3'}}\nspec: {replicas: 2}");
        FieldManagement.Result applied = FieldManagement.apply(null, first, DEPLOYMENT, Map.of(), "me", false);
        Map<String, FieldSet> managers = new java.util.HashMap<>(applied.managers());
        managers.put("other", FieldSet.of(FieldPath.fields("metadata", "labels", "b")));
        FieldManagement.Result second = FieldManagement.apply(applied.object(), yaml("metadata: {name: x}"),
                DEPLOYMENT, managers, "me", false);
        assertEquals(yaml("metadata: {name: x, labels: {b: '2'}}"), second.object());
        assertEquals(FieldSet.of(FieldPath.fields("metadata", "name")), second.managers().get("me"));
    }

    @Test
    void omittedListItemsAreRemoved() {
        JsonNode two = yaml("spec: {template: {spec: {containers: [{name: a, image: i}, {name: b, image: j}]}}}");
        FieldManagement.Result applied = FieldManagement.apply(null, two, DEPLOYMENT, Map.of(), "me", false);
        JsonNode one = yaml("spec: {template: {spec: {containers: [{name: b, image: j}]}}}");
        FieldManagement.Result second = FieldManagement.apply(applied.object(), one, DEPLOYMENT,
                applied.managers(), "me", false);
        assertEquals(one, second.object());
    }

    @Test
    void updatesTakeWhatTheyChangeFromOthers() {
        JsonNode live = yaml("metadata: {name: x, labels: {a: '1'}}\nspec: {replicas: 2}");
        Map<String, FieldSet> managers = Map.of("applier", FieldSets.of(live, DEPLOYMENT));
        Map<String, FieldSet> after = FieldManagement.update(live,
                yaml("metadata: {name: x, labels: {a: '1', b: '2'}}\nspec: {replicas: 7}"), DEPLOYMENT,
                managers, "kubectl-edit");
        assertEquals(FieldSet.of(FieldPath.fields("metadata", "labels", "b"), REPLICAS), after.get("kubectl-edit"));
        assertTrue(!after.get("applier").contains(REPLICAS)
                && after.get("applier").contains(FieldPath.fields("metadata", "labels", "a")));
        assertEquals(managers, FieldManagement.update(live, live, DEPLOYMENT, managers, "noop"),
                "a write that changes nothing records nothing");
    }
}
