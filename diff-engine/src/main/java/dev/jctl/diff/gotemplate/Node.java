package dev.jctl.diff.gotemplate;

import dev.jctl.diff.io.GoStrings;
import java.util.ArrayList;
import java.util.List;

/**
 * The parse tree of text/template/parse. Each node knows its byte offset in the template text and its tree,
 * for error locations ({@code output:1:10}), and prints itself as Go's {@code Node.String()} does, which is the
 * context of execution errors ({@code at <.metadata.name>}).
 */
sealed interface Node {
    /** The byte offset of the node in the text of its tree. */
    int pos();

    Tree tree();

    void writeTo(StringBuilder out);

    default String text() {
        StringBuilder out = new StringBuilder();
        writeTo(out);
        return out.toString();
    }

    /** A pipeline or a term: what a command's argument can be. */
    sealed interface Argument extends Node {
    }

    final class ListNode implements Node {
        final int pos;
        final Tree tree;
        final List<Node> nodes = new ArrayList<>();

        ListNode(Tree tree, int pos) {
            this.tree = tree;
            this.pos = pos;
        }

        @Override
        public int pos() {
            return pos;
        }

        @Override
        public Tree tree() {
            return tree;
        }

        @Override
        public void writeTo(StringBuilder out) {
            nodes.forEach(n -> n.writeTo(out));
        }
    }

    record TextNode(Tree tree, int pos, String value) implements Node {
        @Override
        public void writeTo(StringBuilder out) {
            out.append(value);
        }
    }

    record CommentNode(Tree tree, int pos, String value) implements Node {
        @Override
        public void writeTo(StringBuilder out) {
            out.append("{{").append(value).append("}}");
        }
    }

    final class PipeNode implements Argument {
        final int pos;
        final Tree tree;
        final int line;
        boolean isAssign;
        final List<VariableNode> decl = new ArrayList<>();
        final List<CommandNode> cmds = new ArrayList<>();

        PipeNode(Tree tree, int pos, int line) {
            this.tree = tree;
            this.pos = pos;
            this.line = line;
        }

        @Override
        public int pos() {
            return pos;
        }

        @Override
        public Tree tree() {
            return tree;
        }

        @Override
        public void writeTo(StringBuilder out) {
            if (!decl.isEmpty()) {
                for (int i = 0; i < decl.size(); i++) {
                    if (i > 0) {
                        out.append(", ");
                    }
                    decl.get(i).writeTo(out);
                }
                out.append(" := ");
            }
            for (int i = 0; i < cmds.size(); i++) {
                if (i > 0) {
                    out.append(" | ");
                }
                cmds.get(i).writeTo(out);
            }
        }
    }

    record ActionNode(Tree tree, int pos, int line, PipeNode pipe) implements Node {
        @Override
        public void writeTo(StringBuilder out) {
            out.append("{{");
            pipe.writeTo(out);
            out.append("}}");
        }
    }

    final class CommandNode implements Node {
        final int pos;
        final Tree tree;
        final List<Argument> args = new ArrayList<>();

        CommandNode(Tree tree, int pos) {
            this.tree = tree;
            this.pos = pos;
        }

        @Override
        public int pos() {
            return pos;
        }

        @Override
        public Tree tree() {
            return tree;
        }

        @Override
        public void writeTo(StringBuilder out) {
            for (int i = 0; i < args.size(); i++) {
                if (i > 0) {
                    out.append(' ');
                }
                if (args.get(i) instanceof PipeNode pipe) {
                    out.append('(');
                    pipe.writeTo(out);
                    out.append(')');
                } else {
                    args.get(i).writeTo(out);
                }
            }
        }
    }

    record IdentifierNode(Tree tree, int pos, String ident) implements Argument {
        @Override
        public void writeTo(StringBuilder out) {
            out.append(ident);
        }
    }

    /** {@code $x.Field1.Field2}: the variable name with its $ first, then the fields. */
    record VariableNode(Tree tree, int pos, List<String> ident) implements Argument {
        VariableNode(Tree tree, int pos, String text) {
            this(tree, pos, List.of(text.split("\\.", -1)));
        }

        @Override
        public void writeTo(StringBuilder out) {
            out.append(String.join(".", ident));
        }
    }

    record DotNode(Tree tree, int pos) implements Argument {
        @Override
        public void writeTo(StringBuilder out) {
            out.append('.');
        }
    }

    record NilNode(Tree tree, int pos) implements Argument {
        @Override
        public void writeTo(StringBuilder out) {
            out.append("nil");
        }
    }

    /** {@code .Field1.Field2}: the names without their dots. */
    record FieldNode(Tree tree, int pos, List<String> ident) implements Argument {
        FieldNode(Tree tree, int pos, String text) {
            this(tree, pos, List.of(text.substring(1).split("\\.", -1)));
        }

        @Override
        public void writeTo(StringBuilder out) {
            ident.forEach(id -> out.append('.').append(id));
        }
    }

    /** A term followed by fields: {@code (pipeline).Field}. */
    final class ChainNode implements Argument {
        final int pos;
        final Tree tree;
        final Argument node;
        final List<String> fields = new ArrayList<>();

        ChainNode(Tree tree, int pos, Argument node) {
            this.tree = tree;
            this.pos = pos;
            this.node = node;
        }

        @Override
        public int pos() {
            return pos;
        }

        @Override
        public Tree tree() {
            return tree;
        }

        @Override
        public void writeTo(StringBuilder out) {
            if (node instanceof PipeNode) {
                out.append('(');
                node.writeTo(out);
                out.append(')');
            } else {
                node.writeTo(out);
            }
            fields.forEach(f -> out.append('.').append(f));
        }
    }

    record BoolNode(Tree tree, int pos, boolean value) implements Argument {
        @Override
        public void writeTo(StringBuilder out) {
            out.append(value);
        }
    }

    /** A numeric constant, held in every Go type that can represent it (Go's ideal constants). */
    record NumberNode(Tree tree, int pos, String text, boolean isInt, boolean isUint, boolean isFloat,
                      boolean isComplex, long int64, long uint64, double float64, GoValues.Complex complex)
            implements Argument {
        @Override
        public void writeTo(StringBuilder out) {
            out.append(text);
        }
    }

    record StringNode(Tree tree, int pos, String quoted, String value) implements Argument {
        @Override
        public void writeTo(StringBuilder out) {
            out.append(quoted);
        }
    }

    /** {@code {{end}}}; never in a finished tree. */
    record EndNode(Tree tree, int pos) implements Node {
        @Override
        public void writeTo(StringBuilder out) {
            out.append("{{end}}");
        }
    }

    /** {@code {{else}}}; never in a finished tree. */
    record ElseNode(Tree tree, int pos, int line) implements Node {
        @Override
        public void writeTo(StringBuilder out) {
            out.append("{{else}}");
        }
    }

    enum Branch { IF, RANGE, WITH }

    /** if, range and with: a pipeline, its list, and the optional else list. */
    record BranchNode(Branch kind, Tree tree, int pos, int line, PipeNode pipe, ListNode list, ListNode elseList)
            implements Node {
        @Override
        public void writeTo(StringBuilder out) {
            out.append("{{").append(kind.name().toLowerCase()).append(' ');
            pipe.writeTo(out);
            out.append("}}");
            list.writeTo(out);
            if (elseList != null) {
                out.append("{{else}}");
                elseList.writeTo(out);
            }
            out.append("{{end}}");
        }
    }

    record BreakNode(Tree tree, int pos, int line) implements Node {
        @Override
        public void writeTo(StringBuilder out) {
            out.append("{{break}}");
        }
    }

    record ContinueNode(Tree tree, int pos, int line) implements Node {
        @Override
        public void writeTo(StringBuilder out) {
            out.append("{{continue}}");
        }
    }

    /** {@code {{template "name" pipeline}}}; the pipeline may be null. */
    record TemplateNode(Tree tree, int pos, int line, String name, PipeNode pipe) implements Node {
        @Override
        public void writeTo(StringBuilder out) {
            out.append("{{template ").append(GoStrings.quote(name));
            if (pipe != null) {
                out.append(' ');
                pipe.writeTo(out);
            }
            out.append("}}");
        }
    }
}
