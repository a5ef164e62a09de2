package dev.jctl.diff.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class YamlTest {

    @Test
    void integersStayExactIntegers() {
        JsonNode tree = Yaml.parseTree("""
                small: 80
                negative: -3
                int64: 9007199254740993
                max: 9223372036854775807
                huge: 123456789012345678901234567890
                """);
        assertTrue(tree.get("small").isInt());
        assertEquals(-3, tree.get("negative").intValue());
        assertTrue(tree.get("int64").isLong());
        assertEquals(9007199254740993L, tree.get("int64").longValue());
        assertEquals(Long.MAX_VALUE, tree.get("max").longValue());
        assertEquals(new BigInteger("123456789012345678901234567890"), tree.get("huge").bigIntegerValue());
    }

    @Test
    void quotedNumbersStayStrings() {
        JsonNode tree = Yaml.parseTree("""
                quoted: "80"
                single: '80'
                tagged: !!str 80
                plain: 80
                quantity: 500m
                version: 1.10
                """);
        assertEquals("80", tree.get("quoted").textValue());
        assertEquals("80", tree.get("single").textValue());
        assertEquals("80", tree.get("tagged").textValue());
        assertEquals(80, tree.get("plain").intValue());
        assertEquals("500m", tree.get("quantity").textValue());
        assertTrue(tree.get("version").isDouble());
    }

    @Test
    void floatsStayFloats() {
        JsonNode tree = Yaml.parseTree("a: 1.0\nb: 1.5e3\nc: .5\n");
        assertTrue(tree.get("a").isDouble());
        assertEquals(1500.0, tree.get("b").doubleValue());
        assertEquals(0.5, tree.get("c").doubleValue());
    }

    @Test
    void scalarsResolveAsKubectlDoes() {
        JsonNode tree = Yaml.parseTree("""
                mode: 0644
                hex: 0x1F
                grouped: 1_000
                yes: yes
                off: off
                tilde: ~
                empty:
                date: 2024-01-01
                """);
        assertEquals(420, tree.get("mode").intValue());
        assertEquals(31, tree.get("hex").intValue());
        assertEquals(1000, tree.get("grouped").intValue());
        assertTrue(tree.get("yes").booleanValue());
        assertTrue(tree.get("off").isBoolean());
        assertTrue(tree.get("tilde").isNull());
        assertTrue(tree.get("empty").isNull());
        assertEquals("2024-01-01", tree.get("date").textValue());
    }

    @Test
    void keyOrderIsKept() {
        JsonNode tree = Yaml.parseTree("zeta: 1\nalpha: 2\nmid: 3\n");
        assertEquals(List.of("zeta", "alpha", "mid"), fieldNames(tree));
    }

    @Test
    void anchorsAliasesAndMergeKeys() {
        JsonNode tree = Yaml.parseTree("""
                base: &base {image: nginx, pull: Always}
                copy: *base
                merged:
                  <<: *base
                  pull: Never
                """);
        assertEquals("nginx", tree.at("/copy/image").textValue());
        assertEquals("nginx", tree.at("/merged/image").textValue());
        assertEquals("Never", tree.at("/merged/pull").textValue());
    }

    @Test
    void parseAllKeepsEmptyDocumentsAsNull() {
        List<JsonNode> documents = Yaml.parseAll("s", "a: 1\n---\n---\nb: 2\n");
        assertEquals(3, documents.size());
        assertTrue(documents.get(1).isNull());
    }

    @Test
    void parseTreeRejectsSeveralDocuments() {
        ManifestException e = assertThrows(ManifestException.class, () -> Yaml.parseTree("a: 1\n---\nb: 2\n"));
        assertEquals(3, e.line());
    }

    @Test
    void duplicateKeysAreErrorsInNestedMappings() {
        ManifestException e = assertThrows(ManifestException.class, () -> Yaml.parseTree("a:\n  b: 1\n  b: 2\n"));
        assertEquals("<input>:3:3: duplicate key \"b\"", e.getMessage());
    }


    @Test
    void lenientParsingKeepsTheLastValueOfARepeatedKeyAndSaysWhatStrictGoYamlWould() {
        Yaml.Lenient parsed = Yaml.parseLenient("""
                spec:
                  paused: false
                  paused: true
                  template:
                    a: 1
                  template:
                    b: 2
                    b: 3
                  empty:
                  empty:
                """);
        assertEquals("{\"spec\":{\"paused\":true,\"template\":{\"b\":3},\"empty\":null}}", parsed.tree().toString());
        // go-yaml's decoder (yaml.v2 decode.go setMapIndex) names the line where the second value starts, and
        // decodes that value before it finds its key taken: the repeat inside template comes first
        assertEquals(List.of("line 3: key \"paused\" already set in map", "line 8: key \"b\" already set in map",
                "line 7: key \"template\" already set in map", "line 10: key \"empty\" already set in map"),
                parsed.repeatedKeys());
    }

    @Test
    void lenientParsingComparesKeysByTheirDecodedValue() {
        Yaml.Lenient json = Yaml.parseLenient("{\n  \"spec\": {\n    \"paused\": false,\n    \"paused\": true\n  }\n}");
        assertEquals(List.of("line 4: key \"paused\" already set in map"), json.repeatedKeys());
        assertEquals(List.of("line 2: key true already set in map"),
                Yaml.parseLenient("yes: 1\ntrue: 2\n").repeatedKeys());
        assertEquals(List.of(), Yaml.parseLenient("1: a\n\"1\": b\n").repeatedKeys(), "an int and a string differ");
        assertEquals(List.of(), Yaml.parseLenient("a: 1\nb: 2\n").repeatedKeys());
    }
    @Test
    void nonScalarKeysAreErrorsWithAPosition() {
        ManifestException e = assertThrows(ManifestException.class, () -> Yaml.parseTree("a: 1\n? [b]\n: 2\n"));
        assertEquals("<input>:2:3: a mapping key must be a scalar, not a sequence", e.getMessage());
    }

    private static List<String> fieldNames(JsonNode tree) {
        List<String> names = new ArrayList<>();
        tree.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
