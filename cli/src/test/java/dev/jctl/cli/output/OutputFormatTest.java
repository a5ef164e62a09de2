package dev.jctl.cli.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jctl.cli.output.OutputFormat.Kind;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** -o and --template read as kubectl's print flags read them, and the go-template printer's failure. */
class OutputFormatTest {
    @TempDir
    Path dir;

    @Test
    void templateFormatsTakeTheirTemplateAfterTheEqualsSignOrFromTheTemplateFlag() {
        assertEquals(new OutputFormat(Kind.GO_TEMPLATE, "{{.a}}", true), OutputFormat.forGet("go-template={{.a}}", null,
                true));
        assertEquals(new OutputFormat(Kind.GO_TEMPLATE, "{{.a}}={{.b}}", false),
                OutputFormat.forObjects("template={{.a}}={{.b}}", null, false));
        assertEquals(new OutputFormat(Kind.GO_TEMPLATE_FILE, "t.tmpl", true),
                OutputFormat.forObjects("templatefile", "t.tmpl", true));
        assertEquals(new OutputFormat(Kind.GO_TEMPLATE, "{{.a}}", true), OutputFormat.forGet(null, "{{.a}}", true));
        assertEquals(new OutputFormat(Kind.JSONPATH, "{.a}", true), OutputFormat.forObjects("jsonpath", "{.a}", true));
        assertEquals(new OutputFormat(Kind.CUSTOM_COLUMNS_FILE, "c.txt", true),
                OutputFormat.forGet("custom-columns-file", "c.txt", true));
        assertEquals(Kind.JSON, OutputFormat.forObjects("json", "{{.a}}", true).kind());
        assertEquals(Kind.TABLE, OutputFormat.forGet(null, null, true).kind());
        assertNull(OutputFormat.forObjects(null, "", true));
    }

    @Test
    void refusesWhatKubectlRefusesInItsWords() {
        for (String output : List.of("go-template", "go-template=", "jsonpath-file")) {
            assertEquals("template format specified but no template given", assertThrows(
                    IllegalArgumentException.class, () -> OutputFormat.forObjects(output, null, true)).getMessage());
        }
        for (String output : List.of("custom-columns", "custom-columns=", "custom-columns-file")) {
            assertEquals("custom-columns format specified but no custom columns given", assertThrows(
                    IllegalArgumentException.class, () -> OutputFormat.forGet(output, null, true)).getMessage());
        }
        assertEquals("unable to match a printer suitable for the output format \"go-template={{.a}}\", allowed "
                + "formats are: go-template,go-template-file,json,jsonpath,jsonpath-file,name,template,templatefile,"
                + "yaml", assertThrows(IllegalArgumentException.class,
                        () -> OutputFormat.forObjects("go-template={{.a}}", "x", true)).getMessage());
        assertEquals("unable to match a printer suitable for the output format \"wide\", allowed formats are: "
                + "go-template,go-template-file,json,jsonpath,jsonpath-file,name,template,templatefile,yaml",
                assertThrows(IllegalArgumentException.class, () -> OutputFormat.forObjects("wide", null, true))
                        .getMessage());
        Path missing = dir.resolve("missing.tmpl");
        assertEquals("error reading --template " + missing + ", open " + missing + ": no such file or directory",
                assertThrows(IllegalArgumentException.class,
                        () -> OutputFormat.forGet("go-template-file=" + missing, null, true).template()).getMessage());
    }

    @Test
    void readsTemplateFiles() throws Exception {
        Path file = Files.writeString(dir.resolve("t.tmpl"), "{{.kind}}\n");
        assertEquals("{{.kind}}\n", OutputFormat.forGet("go-template-file=" + file, null, true).template());
    }

    @Test
    void aFailingTemplateKeepsWhatItPrintedThenShowsKubectlsDebuggingBlock() throws Exception {
        GoTemplatePrinter printer = GoTemplatePrinter.parse("{{.kind}} {{.kind.x}}", true);
        StringWriter out = new StringWriter();
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> printer.print(new PrintWriter(out),
                new ObjectMapper().readTree("{\"kind\":\"Pod\",\"spec\":{\"replicas\":2,\"ratio\":0.5}}")));
        assertEquals("error executing template \"{{.kind}} {{.kind.x}}\": template: output:1:17: executing "
                + "\"output\" at <.kind.x>: can't evaluate field x in type interface {}", e.getMessage());
        assertEquals("""
                Pod Error executing template: template: output:1:17: executing "output" at <.kind.x>: can't evaluate \
                field x in type interface {}. Printing more information for debugging the template:
                \ttemplate was:
                \t\t{{.kind}} {{.kind.x}}
                \traw data was:
                \t\t{"kind":"Pod","spec":{"ratio":0.5,"replicas":2}}
                \tobject given to template engine was:
                \t\tmap[kind:Pod spec:map[ratio:0.5 replicas:2]]

                """, out.toString());
        assertEquals("error parsing template {{.kind, template: output:1: unclosed action",
                assertThrows(IllegalArgumentException.class, () -> GoTemplatePrinter.parse("{{.kind", true))
                        .getMessage());
    }
}
