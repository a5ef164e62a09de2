package dev.jctl.diff.io;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jctl.diff.json.JsonValues;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;

/** What {@link YamlWriter} writes, {@link Yaml} must read back as the same tree: no string may turn into a number. */
class YamlRoundTripTest {
    private static final String[] TRICKY_STRINGS = {
        "80", "0644", "09", "1e3", "1e+3", "1.5", ".5", "1_000", "0x1F", "0o17", "0b101", "-0b101", "+1",
        "y", "n", "yes", "No", "on", "OFF", "true", "null", "~", "", " lead", "trail ", "<<", "-", "1e999",
        "2024-01-01", "1:20", ".inf", "-.Inf", ".NaN", "a: b", "# not a comment", "multi\nline\n", "tab\there",
        "quote\"s", "'single'", "@at", "`tick", "*alias", "&anchor", "!tag", "%percent", "{flow}", "[seq]",
    };

    @Test
    void trickyValuesSurviveWritingAndReading() {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        ObjectNode tree = nodes.objectNode();
        for (int i = 0; i < TRICKY_STRINGS.length; i++) {
            tree.put("s" + i, TRICKY_STRINGS[i]);
            // kubectl writes a "<<" key plain (YamlWriterTest checks that), which readers then take for a merge key
            if (!TRICKY_STRINGS[i].equals("<<")) {
                tree.put(TRICKY_STRINGS[i], i);
            }
        }
        tree.put("int64", 9007199254740993L);
        tree.put("huge", new BigInteger("123456789012345678901234567890"));
        tree.put("float", 1.5);
        tree.put("bool", true);
        tree.putNull("nothing");
        tree.putArray("list").add("80").add(80).addObject().put("port", "8080");
        for (YamlWriter writer : new YamlWriter[] {YamlWriter.sortedKeys(), YamlWriter.treeOrder()}) {
            String yaml = writer.write(tree);
            JsonNode back = Yaml.parseTree(yaml);
            assertTrue(JsonValues.equal(tree, back), () -> "written:\n" + yaml + "\nread back: " + back);
        }
    }
}
