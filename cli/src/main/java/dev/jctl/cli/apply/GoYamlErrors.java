package dev.jctl.cli.apply;

import dev.jctl.diff.io.ManifestException;
import java.util.List;
import java.util.Map;
import org.snakeyaml.engine.v2.exceptions.ComposerException;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.ScannerException;

/**
 * A YAML syntax error in the words kubectl prints for it: go-yaml's ({@code yaml: line 3: did not find expected
 * ',' or ']'}), a port of libyaml, where SnakeYAML, a port of PyYAML, words the same problems its own way. The
 * line is go-yaml's too: the problem's 0-based line within the document, one more for a scanner error.
 */
final class GoYamlErrors {
    private static final String UNDEFINED_ALIAS = "found undefined alias ";
    private static final String BLOCK_END = "expected <block end>, but found";

    /** SnakeYAML's problem, by how it starts, and libyaml's words for it. */
    private static final List<Map.Entry<String, String>> PROBLEMS = List.of(
            Map.entry("expected '<document start>', but found", "did not find expected <document start>"),
            Map.entry("expected the node content, but found", "did not find expected node content"),
            Map.entry("expected ',' or ']'", "did not find expected ',' or ']'"),
            Map.entry("expected ',' or '}'", "did not find expected ',' or '}'"),
            Map.entry("mapping values are not allowed here", "mapping values are not allowed in this context"),
            Map.entry("sequence entries are not allowed here",
                    "block sequence entries are not allowed in this context"),
            Map.entry("mapping keys are not allowed here", "mapping keys are not allowed in this context"),
            Map.entry("found character", "found character that cannot start any token"),
            Map.entry("found unknown escape character", "found unknown escape character"),
            Map.entry("found unexpected document separator", "found unexpected document indicator"),
            Map.entry("expected alphabetic or numeric character",
                    "did not find expected alphabetic or numeric character"),
            Map.entry("unexpected character found", "did not find expected alphabetic or numeric character"),
            Map.entry("expected a comment or a line break", "did not find expected comment or line break"));

    private GoYamlErrors() {
    }

    /** go-yaml's message for an error met parsing one document on its own, {@code yaml: } included. */
    static String message(ManifestException error) {
        if (!(error.getCause() instanceof MarkedYamlEngineException marked)) {
            return "yaml: " + (error.line() > 0 ? "line " + error.line() + ": " : "") + error.reason();
        }
        String problem = marked.getProblem() == null ? marked.getMessage() : marked.getProblem();
        if (marked instanceof ComposerException && problem.startsWith(UNDEFINED_ALIAS)) {
            return "yaml: unknown anchor '" + problem.substring(UNDEFINED_ALIAS.length()) + "' referenced";
        }
        int problemLine = marked.getProblemMark().map(Mark::getLine).orElse(0);
        int contextLine = marked.getContextMark().map(Mark::getLine).orElse(0);
        int line = 0;
        if (problemLine != 0) {
            line = marked instanceof ScannerException ? problemLine + 1 : problemLine;
        } else if (contextLine != 0) {
            line = contextLine;
        }
        return "yaml: " + (line != 0 ? "line " + line + ": " : "") + libyaml(marked.getContext(), problem);
    }

    private static String libyaml(String context, String problem) {
        if (problem.startsWith(BLOCK_END) && context != null) {
            if (context.endsWith("block collection")) {
                return "did not find expected '-' indicator";
            }
            if (context.endsWith("block mapping")) {
                return "did not find expected key";
            }
        }
        for (Map.Entry<String, String> entry : PROBLEMS) {
            if (problem.startsWith(entry.getKey())) {
                return entry.getValue();
            }
        }
        return problem;
    }
}
