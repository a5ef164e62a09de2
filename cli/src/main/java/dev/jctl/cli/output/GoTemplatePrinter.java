package dev.jctl.cli.output;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jctl.diff.gotemplate.GoFmt;
import dev.jctl.diff.gotemplate.GoTemplate;
import dev.jctl.diff.gotemplate.GoTemplateException;
import dev.jctl.diff.gotemplate.GoValues;
import dev.jctl.diff.gotemplate.KubectlFunctions;
import dev.jctl.diff.io.GoStrings;
import dev.jctl.diff.io.JsonWriter;
import java.io.PrintWriter;

/**
 * kubectl's {@code -o go-template} printer (cli-runtime's GoTemplatePrinter): the template named {@code output}
 * with kubectl's {@code exists} and {@code base64decode}, run over the object as a decoded JSON map. When it fails,
 * what it printed stays, followed on stdout by kubectl's debugging block (the template, the raw JSON, the map), and
 * the error names the template.
 */
public final class GoTemplatePrinter {
    private final String text;
    private final GoTemplate template;

    private GoTemplatePrinter(String text, GoTemplate template) {
        this.text = text;
        this.template = template;
    }

    /**
     * @param allowMissingKeys {@code --allow-missing-template-keys}: a missing key prints {@code <no value>}
     *                         rather than failing
     * @throws IllegalArgumentException in kubectl's words when the template does not parse
     */
    public static GoTemplatePrinter parse(String text, boolean allowMissingKeys) {
        try {
            GoTemplate template = GoTemplate.parse("output", text, KubectlFunctions.FUNCTIONS)
                    .withMissingKey(allowMissingKeys ? GoTemplate.MissingKey.INVALID : GoTemplate.MissingKey.ERROR);
            return new GoTemplatePrinter(text, template);
        } catch (GoTemplateException e) {
            throw new IllegalArgumentException("error parsing template " + text + ", " + e.getMessage());
        }
    }

    /** Prints an object the printer got as a map (what Go's json.Marshal writes it as is computed). */
    public void print(PrintWriter out, JsonNode object) {
        print(out, object, JsonWriter.marshal(object));
    }

    /**
     * @param goJson the object as Go's json.Marshal wrote it for kubectl, shown when the template fails (a typed
     *               List keeps its field order there)
     * @throws IllegalStateException with kubectl's message when the template fails
     */
    public void print(PrintWriter out, JsonNode object, String goJson) {
        Object data = GoValues.fromJson(object);
        StringBuilder printed = new StringBuilder();
        try {
            template.execute(data, printed);
        } catch (GoTemplateException e) {
            String error = e.panicked() ? "caught panic: " + e.getMessage() : e.getMessage();
            out.print(printed);
            out.print("Error executing template: " + error + ". Printing more information for debugging the template:\n"
                    + "\ttemplate was:\n\t\t" + text + "\n"
                    + "\traw data was:\n\t\t" + goJson + "\n"
                    + "\tobject given to template engine was:\n\t\t" + GoFmt.plusV(data) + "\n\n");
            out.flush();
            throw new IllegalStateException("error executing template " + GoStrings.quote(text) + ": " + error);
        }
        out.print(printed);
        out.flush();
    }
}
