package dev.jctl.diff.gotemplate;

import dev.jctl.diff.gotemplate.Lexer.Item;
import dev.jctl.diff.gotemplate.Lexer.ItemType;
import dev.jctl.diff.gotemplate.Node.Argument;
import dev.jctl.diff.gotemplate.Node.Branch;
import dev.jctl.diff.gotemplate.Node.BranchNode;
import dev.jctl.diff.gotemplate.Node.ChainNode;
import dev.jctl.diff.gotemplate.Node.CommandNode;
import dev.jctl.diff.gotemplate.Node.ListNode;
import dev.jctl.diff.gotemplate.Node.PipeNode;
import dev.jctl.diff.gotemplate.Node.VariableNode;
import dev.jctl.diff.io.GoStrings;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * text/template/parse's recursive-descent parser over {@link Lexer}, with its three-token look-ahead (which
 * decides the line its errors name) and its messages ({@code template: output:1: unexpected "}" in operand}).
 * {@code define} and {@code block} add trees to the set.
 */
final class Parser {
    private static final int MAX_STACK_DEPTH = 10000;

    private final Tree tree;
    private final Lexer lex;
    private final Set<String> functions;
    private final Map<String, Tree> treeSet;
    private final Item[] token = new Item[3];
    private int peekCount;
    private List<String> vars = new ArrayList<>(List.of("$"));
    private int actionLine;
    private int rangeDepth;
    private int stackDepth;

    private Parser(Tree tree, Lexer lex, Set<String> functions, Map<String, Tree> treeSet) {
        this.tree = tree;
        this.lex = lex;
        this.functions = functions;
        this.treeSet = treeSet;
        lex.breakOk = !functions.contains("break");
        lex.continueOk = !functions.contains("continue");
    }

    /** Parses {@code text} as the template {@code name}, adding it and the templates it defines to {@code treeSet}. */
    static void parse(String name, String text, Set<String> functions, Map<String, Tree> treeSet) {
        Tree top = new Tree(name, name, text);
        Parser parser = new Parser(top, new Lexer(text), functions, treeSet);
        parser.parseTop();
        parser.add();
    }

    private Item next() {
        if (peekCount > 0) {
            peekCount--;
        } else {
            token[0] = lex.nextItem();
        }
        return token[peekCount];
    }

    private void backup() {
        peekCount++;
    }

    private void backup2(Item t1) {
        token[1] = t1;
        peekCount = 2;
    }

    private void backup3(Item t2, Item t1) {
        token[1] = t1;
        token[2] = t2;
        peekCount = 3;
    }

    private Item peek() {
        if (peekCount > 0) {
            return token[peekCount - 1];
        }
        peekCount = 1;
        token[0] = lex.nextItem();
        return token[0];
    }

    private Item nextNonSpace() {
        Item t;
        do {
            t = next();
        } while (t.type() == ItemType.SPACE);
        return t;
    }

    private Item peekNonSpace() {
        Item t = nextNonSpace();
        backup();
        return t;
    }

    private GoTemplateException errorf(String message) {
        tree.root = null;
        return new GoTemplateException("template: " + tree.parseName + ":" + token[0].line() + ": " + message);
    }

    private Item expect(ItemType expected, String context) {
        Item t = nextNonSpace();
        if (t.type() != expected) {
            throw unexpected(t, context);
        }
        return t;
    }

    private Item expectOneOf(ItemType one, ItemType other, String context) {
        Item t = nextNonSpace();
        if (t.type() != one && t.type() != other) {
            throw unexpected(t, context);
        }
        return t;
    }

    private GoTemplateException unexpected(Item t, String context) {
        if (t.type() == ItemType.ERROR) {
            String extra = "";
            if (actionLine != 0 && actionLine != t.line()) {
                extra = " in action started at " + tree.parseName + ":" + actionLine;
                if (t.val().endsWith(" action")) {
                    extra = extra.substring(" in action".length());
                }
            }
            return errorf(t + extra);
        }
        return errorf("unexpected " + t + " in " + context);
    }

    private void add() {
        Tree existing = treeSet.get(tree.name);
        if (existing == null || Tree.isEmpty(existing.root)) {
            treeSet.put(tree.name, tree);
            return;
        }
        if (!Tree.isEmpty(tree.root)) {
            throw errorf("template: multiple definition of template " + GoStrings.quote(tree.name));
        }
    }

    /** A parser for a {@code define}d or {@code block} template, reading on from the same lexer. */
    private Parser child(Tree child) {
        return new Parser(child, lex, functions, treeSet);
    }

    private void parseTop() {
        tree.root = new ListNode(tree, peek().pos());
        while (peek().type() != ItemType.EOF) {
            if (peek().type() == ItemType.LEFT_DELIM) {
                Item delim = next();
                if (nextNonSpace().type() == ItemType.DEFINE) {
                    Parser definition = child(new Tree("definition", tree.parseName, tree.text));
                    definition.parseDefinition();
                    continue;
                }
                backup2(delim);
            }
            Node n = textOrAction();
            if (n instanceof Node.EndNode || n instanceof Node.ElseNode) {
                throw errorf("unexpected " + n.text());
            }
            tree.root.nodes.add(n);
        }
    }

    private void parseDefinition() {
        String context = "define clause";
        Item name = expectOneOf(ItemType.STRING, ItemType.RAW_STRING, context);
        tree.name = unquote(name.val());
        expect(ItemType.RIGHT_DELIM, context);
        Items items = itemList();
        tree.root = items.list;
        if (!(items.next instanceof Node.EndNode)) {
            throw errorf("unexpected " + items.next.text() + " in " + context);
        }
        add();
    }

    /** A list of text and actions, and the {@code end} or {@code else} that closed it. */
    private record Items(ListNode list, Node next) {
    }

    private Items itemList() {
        ListNode list = new ListNode(tree, peekNonSpace().pos());
        while (peekNonSpace().type() != ItemType.EOF) {
            Node n = textOrAction();
            if (n instanceof Node.EndNode || n instanceof Node.ElseNode) {
                return new Items(list, n);
            }
            list.nodes.add(n);
        }
        throw errorf("unexpected EOF");
    }

    private Node textOrAction() {
        Item t = nextNonSpace();
        switch (t.type()) {
            case TEXT:
                return new Node.TextNode(tree, t.pos(), t.val());
            case LEFT_DELIM:
                actionLine = t.line();
                try {
                    return action();
                } finally {
                    actionLine = 0;
                }
            case COMMENT:
                return new Node.CommentNode(tree, t.pos(), t.val());
            default:
                throw unexpected(t, "input");
        }
    }

    private Node action() {
        Item t = nextNonSpace();
        switch (t.type()) {
            case BLOCK:
                return blockControl();
            case BREAK:
                return breakControl(t, "{{break}}");
            case CONTINUE:
                return breakControl(t, "{{continue}}");
            case ELSE:
                return elseControl();
            case END:
                return new Node.EndNode(tree, expect(ItemType.RIGHT_DELIM, "end").pos());
            case IF:
                return branch(Branch.IF);
            case RANGE:
                return branch(Branch.RANGE);
            case TEMPLATE:
                return templateControl();
            case WITH:
                return branch(Branch.WITH);
            default:
                break;
        }
        backup();
        Item first = peek();
        return new Node.ActionNode(tree, first.pos(), first.line(), pipeline("command", ItemType.RIGHT_DELIM));
    }

    private Node breakControl(Item keyword, String context) {
        Item t = nextNonSpace();
        if (t.type() != ItemType.RIGHT_DELIM) {
            throw unexpected(t, context);
        }
        if (rangeDepth == 0) {
            throw errorf(context + " outside {{range}}");
        }
        return keyword.type() == ItemType.BREAK ? new Node.BreakNode(tree, keyword.pos(), keyword.line())
                : new Node.ContinueNode(tree, keyword.pos(), keyword.line());
    }

    private PipeNode pipeline(String context, ItemType end) {
        Item first = peekNonSpace();
        PipeNode pipe = new PipeNode(tree, first.pos(), first.line());
        declarations:
        while (true) {
            Item v = peekNonSpace();
            if (v.type() != ItemType.VARIABLE) {
                break;
            }
            next();
            Item tokenAfterVariable = peek();
            Item following = peekNonSpace();
            if (following.type() == ItemType.ASSIGN || following.type() == ItemType.DECLARE) {
                pipe.isAssign = following.type() == ItemType.ASSIGN;
                nextNonSpace();
                pipe.decl.add(new VariableNode(tree, v.pos(), v.val()));
                vars.add(v.val());
            } else if (following.type() == ItemType.CHAR && following.val().equals(",")) {
                nextNonSpace();
                pipe.decl.add(new VariableNode(tree, v.pos(), v.val()));
                vars.add(v.val());
                if (context.equals("range") && pipe.decl.size() < 2) {
                    ItemType t = peekNonSpace().type();
                    if (t == ItemType.VARIABLE || t == ItemType.RIGHT_DELIM || t == ItemType.RIGHT_PAREN) {
                        continue declarations;
                    }
                    throw errorf("range can only initialize variables");
                }
                throw errorf("too many declarations in " + context);
            } else if (tokenAfterVariable.type() == ItemType.SPACE) {
                backup3(v, tokenAfterVariable);
            } else {
                backup2(v);
            }
            break;
        }
        while (true) {
            Item t = nextNonSpace();
            if (t.type() == end) {
                checkPipeline(pipe, context);
                return pipe;
            }
            switch (t.type()) {
                case BOOL, CHAR_CONSTANT, COMPLEX, DOT, FIELD, IDENTIFIER, NUMBER, NIL, RAW_STRING, STRING,
                        VARIABLE, LEFT_PAREN -> {
                    backup();
                    pipe.cmds.add(command());
                }
                default -> throw unexpected(t, context);
            }
        }
    }

    private void checkPipeline(PipeNode pipe, String context) {
        if (pipe.cmds.isEmpty()) {
            throw errorf("missing value for " + context);
        }
        for (int i = 1; i < pipe.cmds.size(); i++) {
            Argument first = pipe.cmds.get(i).args.get(0);
            if (first instanceof Node.BoolNode || first instanceof Node.DotNode || first instanceof Node.NilNode
                    || first instanceof Node.NumberNode || first instanceof Node.StringNode) {
                throw errorf("non executable command in pipeline stage " + (i + 1));
            }
        }
    }

    private record Control(int pos, int line, PipeNode pipe, ListNode list, ListNode elseList) {
    }

    private BranchNode branch(Branch kind) {
        Control c = parseControl(kind.name().toLowerCase());
        return new BranchNode(kind, tree, c.pos, c.line, c.pipe, c.list, c.elseList);
    }

    private Control parseControl(String context) {
        int mark = vars.size();
        try {
            PipeNode pipe = pipeline(context, ItemType.RIGHT_DELIM);
            if (context.equals("range")) {
                rangeDepth++;
            }
            Items items = itemList();
            Node next = items.next;
            ListNode list = items.list;
            if (context.equals("range")) {
                rangeDepth--;
            }
            ListNode elseList = null;
            if (next instanceof Node.ElseNode) {
                if (context.equals("if") && peek().type() == ItemType.IF) {
                    next();
                    elseList = new ListNode(tree, next.pos());
                    elseList.nodes.add(branch(Branch.IF));
                } else if (context.equals("with") && peek().type() == ItemType.WITH) {
                    next();
                    elseList = new ListNode(tree, next.pos());
                    elseList.nodes.add(branch(Branch.WITH));
                } else {
                    Items rest = itemList();
                    elseList = rest.list;
                    if (!(rest.next instanceof Node.EndNode)) {
                        throw errorf("expected end; found " + rest.next.text());
                    }
                }
            }
            return new Control(pipe.pos(), pipe.line, pipe, list, elseList);
        } finally {
            vars = new ArrayList<>(vars.subList(0, mark));
        }
    }

    private Node elseControl() {
        Item peek = peekNonSpace();
        if (peek.type() == ItemType.IF || peek.type() == ItemType.WITH) {
            return new Node.ElseNode(tree, peek.pos(), peek.line());
        }
        Item t = expect(ItemType.RIGHT_DELIM, "else");
        return new Node.ElseNode(tree, t.pos(), t.line());
    }

    private Node blockControl() {
        String context = "block clause";
        Item t = nextNonSpace();
        String name = templateName(t, context);
        PipeNode pipe = pipeline(context, ItemType.RIGHT_DELIM);
        Parser block = child(new Tree(name, tree.parseName, tree.text));
        Items items = block.itemList();
        block.tree.root = items.list;
        if (!(items.next instanceof Node.EndNode)) {
            throw errorf("unexpected " + items.next.text() + " in " + context);
        }
        block.add();
        return new Node.TemplateNode(tree, t.pos(), t.line(), name, pipe);
    }

    private Node templateControl() {
        String context = "template clause";
        Item t = nextNonSpace();
        String name = templateName(t, context);
        PipeNode pipe = null;
        if (nextNonSpace().type() != ItemType.RIGHT_DELIM) {
            backup();
            pipe = pipeline(context, ItemType.RIGHT_DELIM);
        }
        return new Node.TemplateNode(tree, t.pos(), t.line(), name, pipe);
    }

    private String templateName(Item t, String context) {
        if (t.type() == ItemType.STRING || t.type() == ItemType.RAW_STRING) {
            return unquote(t.val());
        }
        throw unexpected(t, context);
    }

    private CommandNode command() {
        CommandNode cmd = new CommandNode(tree, peekNonSpace().pos());
        while (true) {
            peekNonSpace();
            Argument operand = operand();
            if (operand != null) {
                cmd.args.add(operand);
            }
            Item t = next();
            switch (t.type()) {
                case SPACE:
                    continue;
                case RIGHT_DELIM, RIGHT_PAREN:
                    backup();
                    break;
                case PIPE:
                    break;
                default:
                    throw unexpected(t, "operand");
            }
            break;
        }
        if (cmd.args.isEmpty()) {
            throw errorf("empty command");
        }
        return cmd;
    }

    private Argument operand() {
        Argument node = term();
        if (node == null) {
            return null;
        }
        if (peek().type() == ItemType.FIELD) {
            ChainNode chain = new ChainNode(tree, peek().pos(), node);
            while (peek().type() == ItemType.FIELD) {
                chain.fields.add(next().val().substring(1));
            }
            if (node instanceof Node.FieldNode) {
                return new Node.FieldNode(tree, chain.pos(), chain.text());
            }
            if (node instanceof VariableNode) {
                return new VariableNode(tree, chain.pos(), chain.text());
            }
            if (node instanceof Node.BoolNode || node instanceof Node.StringNode || node instanceof Node.NumberNode
                    || node instanceof Node.NilNode || node instanceof Node.DotNode) {
                throw errorf("unexpected . after term " + GoStrings.quote(node.text()));
            }
            return chain;
        }
        return node;
    }

    private Argument term() {
        Item t = nextNonSpace();
        switch (t.type()) {
            case IDENTIFIER:
                if (!functions.contains(t.val())) {
                    throw errorf("function " + GoStrings.quote(t.val()) + " not defined");
                }
                return new Node.IdentifierNode(tree, t.pos(), t.val());
            case DOT:
                return new Node.DotNode(tree, t.pos());
            case NIL:
                return new Node.NilNode(tree, t.pos());
            case VARIABLE:
                return useVar(t.pos(), t.val());
            case FIELD:
                return new Node.FieldNode(tree, t.pos(), t.val());
            case BOOL:
                return new Node.BoolNode(tree, t.pos(), t.val().equals("true"));
            case CHAR_CONSTANT, COMPLEX, NUMBER:
                try {
                    return Numbers.parse(tree, t.pos(), t.val(), t.type());
                } catch (IllegalArgumentException e) {
                    throw errorf(e.getMessage());
                }
            case LEFT_PAREN:
                if (stackDepth >= MAX_STACK_DEPTH) {
                    throw errorf("max expression depth exceeded");
                }
                stackDepth++;
                try {
                    return pipeline("parenthesized pipeline", ItemType.RIGHT_PAREN);
                } finally {
                    stackDepth--;
                }
            case STRING, RAW_STRING:
                return new Node.StringNode(tree, t.pos(), t.val(), unquote(t.val()));
            default:
                backup();
                return null;
        }
    }

    private String unquote(String quoted) {
        try {
            return Numbers.unquote(quoted);
        } catch (IllegalArgumentException e) {
            throw errorf(e.getMessage());
        }
    }

    private VariableNode useVar(int pos, String name) {
        VariableNode v = new VariableNode(tree, pos, name);
        if (vars.contains(v.ident().get(0))) {
            return v;
        }
        throw errorf("undefined variable " + GoStrings.quote(v.ident().get(0)));
    }
}
