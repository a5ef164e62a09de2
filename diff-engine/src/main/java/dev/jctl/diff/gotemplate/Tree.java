package dev.jctl.diff.gotemplate;

import dev.jctl.diff.io.GoStrings;

/** One parsed template ({@code parse.Tree}): the top-level one or a {@code define}d or {@code block} one. */
final class Tree {
    String name;
    /** The name of the top-level template, which error locations name. */
    final String parseName;
    /** The whole text parsed, which positions index. */
    final String text;
    Node.ListNode root;

    Tree(String name, String parseName, String text) {
        this.name = name;
        this.parseName = parseName;
        this.text = text;
    }

    /** Where a node is ({@code output:1:10}) and its text, as execution errors name it. */
    record Location(String position, String context) {
    }

    /**
     * Go's {@code ErrorContext}: {@code name:line:column} with the column counted in bytes from the line start (from
     * the text start on the first line), and the node's text.
     */
    static Location errorContext(Node node) {
        Tree tree = node.tree();
        String before = tree.text.substring(0, node.pos());
        int newline = before.lastIndexOf('\n');
        int column = GoStrings.utf8Length(before.substring(newline + 1));
        int line = 1 + (int) before.chars().filter(c -> c == '\n').count();
        return new Location(tree.parseName + ":" + line + ":" + column, node.text());
    }

    /** Whether the list holds nothing but space and comments ({@code parse.IsEmptyTree}). */
    static boolean isEmpty(Node node) {
        if (node == null) {
            return true;
        }
        if (node instanceof Node.ListNode list) {
            return list.nodes.stream().allMatch(Tree::isEmpty);
        }
        if (node instanceof Node.CommentNode) {
            return true;
        }
        if (node instanceof Node.TextNode text) {
            return text.value().chars().allMatch(Character::isWhitespace);
        }
        return false;
    }
}
