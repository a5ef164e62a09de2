package dev.jctl.diff.ssa;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jctl.diff.io.Yaml;
import org.junit.jupiter.api.Test;

class MergerTest {
    private static final Schema DEPLOYMENT = TestSchema.deployment();

    private static JsonNode yaml(String text) {
        return Yaml.parseTree(text);
    }

    private static JsonNode containers(String list) {
        return yaml("spec: {template: {spec: {containers: " + list + "}}}");
    }

    @Test
    void mapsMergeFieldByFieldAndAtomicValuesAreReplaced() {
        JsonNode merged = Merger.merge(
                yaml("metadata: {labels: {a: '1'}}\nspec: {replicas: 1, selector: {matchLabels: {a: '1'}, x: 1}}"),
                yaml("metadata: {labels: {b: '2'}}\nspec: {replicas: 3, selector: {matchLabels: {b: '2'}}}"),
                DEPLOYMENT);
        assertEquals(yaml("metadata: {labels: {a: '1', b: '2'}}\n"
                + "spec: {replicas: 3, selector: {matchLabels: {b: '2'}}}"), merged);
    }

    @Test
    void associativeListsMergeByKeyKeepingLiveOnlyItems() {
        JsonNode merged = Merger.merge(
                containers("[{name: a, image: a1}, {name: sidecar, image: s}, {name: b, image: b1, args: [x]}]"),
                containers("[{name: b, image: b2}, {name: c, image: c1}]"), DEPLOYMENT);
        assertEquals(containers("[{name: a, image: a1}, {name: sidecar, image: s}, {name: b, image: b2, args: [x]},"
                + " {name: c, image: c1}]"), merged);
    }

    @Test
    void sharedItemsFollowTheAppliedOrder() {
        // As upstream's two-pointer walk: live-only b is emitted when reached, shared items wait for their turn.
        JsonNode merged = Merger.merge(containers("[{name: a}, {name: b}, {name: c}]"),
                containers("[{name: c}, {name: a}]"), DEPLOYMENT);
        assertEquals(containers("[{name: b}, {name: c}, {name: a}]"), merged);
    }

    @Test
    void atomicListsAreReplacedAndNullRemoves() {
        JsonNode merged = Merger.merge(containers("[{name: a, args: [x, y], image: i}]"),
                containers("[{name: a, args: [z], image: null}]"), DEPLOYMENT);
        assertEquals(containers("[{name: a, args: [z]}]"), merged);
    }

    @Test
    void removerTakesKeyedItemsAndFields() {
        JsonNode object = containers("[{name: a, image: i}, {name: b, image: j}]");
        Remover.remove(object, FieldSets.of(containers("[{name: a}]"), DEPLOYMENT)
                .filter(p -> p.elements().size() == 5), DEPLOYMENT);
        assertEquals(containers("[{name: b, image: j}]"), object);
        JsonNode labels = yaml("metadata: {labels: {a: '1', b: '2'}}");
        Remover.remove(labels, FieldSet.of(FieldPath.fields("metadata", "labels", "a"),
                FieldPath.fields("metadata", "missing", "x")), DEPLOYMENT);
        assertEquals(yaml("metadata: {labels: {b: '2'}}"), labels);
    }
}
