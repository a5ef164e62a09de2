package dev.jctl.diff.gotemplate;

import dev.jctl.diff.io.GoStrings;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Go's text/template (as of Go 1.23, which kubectl v1.32 is built with): {@code {{ }}} actions with trim markers
 * and comments, pipelines, variables, if/else if/with/else with/range (maps in key order, break, continue),
 * define/template/block, and the predefined functions, over {@link GoValues} data. Output and errors are Go's, byte
 * for byte where kubectl users see them.
 *
 * <pre>{@code
 * GoTemplate t = GoTemplate.parse("output", "{{range .items}}{{.metadata.name}}{{\"\\n\"}}{{end}}", Map.of());
 * StringBuilder out = new StringBuilder();
 * t.execute(GoValues.fromJson(list), out);
 * }</pre>
 */
public final class GoTemplate {
    /** What a missing map key gives ({@code Option("missingkey=...")}). */
    public enum MissingKey {
        /** {@code missingkey=default}: no value, printed {@code <no value>}. */
        INVALID,
        /** {@code missingkey=zero}: the zero value of the map's element type. */
        ZERO,
        /** {@code missingkey=error}: execution stops with an error. */
        ERROR
    }

    private final String name;
    private final Map<String, Tree> trees;
    private final Map<String, TemplateFunction> functions;
    private final MissingKey missingKey;

    private GoTemplate(String name, Map<String, Tree> trees, Map<String, TemplateFunction> functions,
                       MissingKey missingKey) {
        this.name = name;
        this.trees = trees;
        this.functions = functions;
        this.missingKey = missingKey;
    }

    /**
     * {@code template.New(name).Funcs(functions).Parse(text)}.
     *
     * @throws GoTemplateException with Go's parse error ({@code template: output:1: unclosed action})
     */
    public static GoTemplate parse(String name, String text, Map<String, TemplateFunction> functions) {
        Set<String> names = new HashSet<>(Builtins.FUNCTIONS.keySet());
        names.addAll(functions.keySet());
        Map<String, Tree> trees = new HashMap<>();
        Parser.parse(name, text, names, trees);
        return new GoTemplate(name, trees, Map.copyOf(functions), MissingKey.INVALID);
    }

    public GoTemplate withMissingKey(MissingKey option) {
        return new GoTemplate(name, trees, functions, option);
    }

    /**
     * Executes the template over {@code data}, appending to {@code out} as it goes: after an error, what was
     * written before it stays in {@code out}, as Go leaves it in its writer.
     *
     * @throws GoTemplateException with Go's execution error
     */
    public void execute(Object data, StringBuilder out) {
        Tree tree = trees.get(name);
        if (tree == null || tree.root == null) {
            throw new GoTemplateException("template: " + name + ": " + GoStrings.quote(name)
                    + " is an incomplete or empty template");
        }
        new Executor(this, tree, out, data, 0).run(data);
    }

    Tree lookup(String template) {
        return trees.get(template);
    }

    /** A function of the template's map, else a predefined one (Go's findFunction order). */
    TemplateFunction function(String function) {
        TemplateFunction own = functions.get(function);
        return own != null ? own : Builtins.FUNCTIONS.get(function);
    }

    boolean isBuiltin(String function) {
        return !functions.containsKey(function) && Builtins.FUNCTIONS.containsKey(function);
    }

    MissingKey missingKey() {
        return missingKey;
    }
}
