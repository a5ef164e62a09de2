package dev.jctl.cli.get;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jctl.cli.client.Connection;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** Custom columns as kubectl prints them: relaxed paths, Go's formatting of values, kubectl's errors. */
class CustomColumnsTest {
    private static JsonNode json(String text) throws Exception {
        return Connection.JSON.readTree(text);
    }

    @Test
    void cellsJoinEveryValueAndShowNoneForNothing() throws Exception {
        StringWriter text = new StringWriter();
        TabWriter tab = new TabWriter(new PrintWriter(text));
        CustomColumns columns = CustomColumns.fromSpec("NAME:metadata.name,IMAGES:{.spec.containers[*].image},"
                + "LABELS:.metadata.labels,N:.spec.n,F:.spec.f,X:.nope", false);
        columns.print(json("""
                {"metadata": {"name": "web", "labels": {"b": "2", "a": "1"}},
                 "spec": {"containers": [{"image": "nginx"}, {"image": "busybox"}], "n": 3, "f": 0.5}}"""), tab);
        tab.flush();
        assertEquals("NAME   IMAGES          LABELS         N     F     X\n"
                + "web    nginx,busybox   map[a:1 b:2]   3     0.5   <none>\n", text.toString());
    }

    @Test
    void malformedSpecsAreRefusedInKubectlsWords() {
        assertEquals("unexpected custom-columns spec: foo, expected <header>:<json-path-expr>",
                assertThrows(IllegalArgumentException.class, () -> CustomColumns.fromSpec("foo", false)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> CustomColumns.fromSpec("A:{.x}{.y}", false));
    }

    @Test
    void goFormatsFloatsAsPercentV() {
        assertEquals("0.5", GoFormat.floatValue(0.5));
        assertEquals("1e+21", GoFormat.floatValue(1e21));
        assertEquals("1e-05", GoFormat.floatValue(0.00001));
        assertEquals("100000", GoFormat.floatValue(100000));
    }
}
