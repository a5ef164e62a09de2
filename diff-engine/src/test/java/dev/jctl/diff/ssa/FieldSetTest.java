package dev.jctl.diff.ssa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.jctl.diff.io.Yaml;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FieldSetTest {
    private static final Schema DEPLOYMENT = TestSchema.deployment();

    private static JsonNode yaml(String text) {
        return Yaml.parseTree(text);
    }

    private static final String APPLIED = """
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: web, labels: {app: web}}
            spec:
              replicas: 2
              selector: {matchLabels: {app: web}}
              template:
                metadata: {labels: {app: web}}
                spec:
                  containers:
                  - name: nginx
                    image: nginx:1
                    ports: [{containerPort: 80, protocol: TCP}]
            """;

    @Test
    void pointersBecomePathsThatNameListItemsAsFieldSetsDo() {
        JsonNode applied = yaml(APPLIED);
        assertEquals(".spec.template.spec.containers[name=\"nginx\"].ports[containerPort=80].protocol",
                FieldPath.of(applied, JsonPointer.compile("/spec/template/spec/containers/0/ports/0/protocol"),
                        DEPLOYMENT).toString());
        assertEquals(".metadata.labels.app", FieldPath.of(applied, JsonPointer.compile("/metadata/labels/app"),
                DEPLOYMENT).toString());
        JsonNode finalizers = yaml("metadata: {finalizers: [a, b]}\nspec: {args: [x, y]}");
        assertEquals(".metadata.finalizers[=\"b\"]", FieldPath.of(finalizers,
                JsonPointer.compile("/metadata/finalizers/1"), DEPLOYMENT).toString());
        assertEquals(".spec.args[1]", FieldPath.of(finalizers, JsonPointer.compile("/spec/args/1"),
                Schema.UNTYPED).toString(), "an atomic list's items go by position");
    }

    @Test
    void appliedConfigurationEncodesAsKubeApiserverWritesIt() {
        FieldSet set = FieldSets.of(yaml(APPLIED), DEPLOYMENT);
        assertEquals(yaml("""
                f:apiVersion: {}
                f:kind: {}
                f:metadata: {f:labels: {f:app: {}}, f:name: {}}
                f:spec:
                  f:replicas: {}
                  f:selector: {}
                  f:template:
                    f:metadata: {f:labels: {f:app: {}}}
                    f:spec:
                      f:containers:
                        k:{"name":"nginx"}:
                          .: {}
                          f:image: {}
                          f:name: {}
                          f:ports:
                            k:{"containerPort":80}: {.: {}, f:containerPort: {}, f:protocol: {}}
                """), set.toFieldsV1());
    }

    @Test
    void fieldsV1RoundTripsAndKeepsUpstreamOrder() {
        FieldSet set = FieldSets.of(yaml(APPLIED), DEPLOYMENT);
        JsonNode encoded = set.toFieldsV1();
        assertEquals(set, FieldSet.fromFieldsV1(encoded));
        assertTrue(encoded.toString().startsWith("{\"f:apiVersion\":{},\"f:kind\":{},\"f:metadata\":"
                + "{\"f:labels\":{\"f:app\":{}},\"f:name\":{}},\"f:spec\":{\"f:replicas\":{},\"f:selector\":{}"),
                encoded::toString);
    }

    @Test
    void pathElementsPrintAndParseLikeUpstream() {
        PathElement key = PathElement.key(Map.of("protocol", TextNode.valueOf("TCP"), "port", IntNode.valueOf(80)));
        assertEquals("k:{\"port\":80,\"protocol\":\"TCP\"}", key.toFieldsV1());
        assertEquals("[port=80,protocol=\"TCP\"]", key.toString());
        assertEquals(key, PathElement.parseFieldsV1(key.toFieldsV1()));
        assertEquals("v:\"a\"", PathElement.value(TextNode.valueOf("a")).toFieldsV1());
        assertEquals("[=\"a\"]", PathElement.value(TextNode.valueOf("a")).toString());
        assertEquals(PathElement.index(3), PathElement.parseFieldsV1("i:3"));
        assertEquals(".spec.containers[name=\"a\"].image", FieldPath.fields("spec", "containers")
                .child(PathElement.key(Map.of("name", TextNode.valueOf("a")))).child(PathElement.field("image"))
                .toString());
        assertTrue(PathElement.field("z").compareTo(PathElement.key(Map.of())) < 0, "fields sort before keys");
        assertTrue(PathElement.value(IntNode.valueOf(9)).compareTo(PathElement.value(IntNode.valueOf(10))) < 0);
        assertThrows(IllegalArgumentException.class, () -> PathElement.parseFieldsV1("x:1"));
    }

    @Test
    void setItemsAreValuesAndEmptyOrNullFieldsAreMembers() {
        FieldSet set = FieldSets.of(yaml("metadata: {finalizers: [a, b], labels: {}}\nspec: {replicas: null}"),
                DEPLOYMENT);
        assertEquals(yaml("""
                f:metadata: {f:finalizers: {v:"a": {}, v:"b": {}}, f:labels: {}}
                f:spec: {f:replicas: {}}
                """), set.toFieldsV1());
    }

    @Test
    void listsWithoutKeysAndUndeclaredFieldsAreAtomic() {
        FieldSet set = FieldSets.of(yaml("spec: {template: {spec: {containers: [{name: a, args: [x, y]}]}}}\n"
                + "extra: {list: [1, 2]}"), DEPLOYMENT);
        assertTrue(set.contains(FieldPath.fields("extra", "list")));
        assertTrue(set.contains(FieldPath.fields("extra")), "undeclared fields are members");
        assertTrue(set.paths().stream().anyMatch(p -> p.toString().endsWith("[name=\"a\"].args")));
        assertTrue(set.paths().stream().noneMatch(p -> p.toString().contains(".args[")));
    }

    @Test
    void associativeItemWithoutItsKeyIsRejected() {
        FieldSetException e = assertThrows(FieldSetException.class, () -> FieldSets.of(
                yaml("spec: {template: {spec: {containers: [{image: x}]}}}"), DEPLOYMENT));
        assertTrue(e.getMessage().contains("omits key field \"name\""), e.getMessage());
    }

    @Test
    void setAlgebra() {
        FieldPath a = FieldPath.fields("a");
        FieldPath ab = FieldPath.fields("a", "b");
        FieldPath c = FieldPath.fields("c");
        FieldSet x = FieldSet.of(ab, c);
        assertEquals(FieldSet.of(a, ab, c), x.union(FieldSet.of(a)));
        assertEquals(FieldSet.of(ab), x.difference(FieldSet.of(c)));
        assertEquals(FieldSet.of(c), x.intersection(FieldSet.of(c, a)));
        assertEquals(FieldSet.of(a, ab, c), x.withAncestors());
        assertTrue(ab.startsWith(a) && !a.startsWith(ab));
    }

    @Test
    void compareFindsAddedModifiedAndRemovedNodes() {
        FieldSets.Comparison c = FieldSets.compare(
                yaml("metadata: {labels: {a: '1', b: '2'}}\nspec: {replicas: 1}"),
                yaml("metadata: {labels: {a: '1', c: '3'}}\nspec: {replicas: 2, template: {metadata: {labels: {x: y}}}}"),
                DEPLOYMENT);
        assertEquals(FieldSet.of(FieldPath.fields("metadata", "labels", "c"), FieldPath.fields("spec", "template"),
                FieldPath.fields("spec", "template", "metadata"),
                FieldPath.fields("spec", "template", "metadata", "labels"),
                FieldPath.fields("spec", "template", "metadata", "labels", "x")), c.added());
        assertEquals(FieldSet.of(FieldPath.fields("spec", "replicas")), c.modified());
        assertEquals(FieldSet.of(FieldPath.fields("metadata", "labels", "b")), c.removed());
        assertEquals(new FieldSets.Comparison(FieldSet.EMPTY, FieldSet.EMPTY, FieldSet.EMPTY),
                FieldSets.compare(yaml(APPLIED), yaml(APPLIED), DEPLOYMENT));
    }
}
