package dev.jctl.diff.gotemplate;

import dev.jctl.diff.gotemplate.GoValues.Iface;
import dev.jctl.diff.gotemplate.GoValues.Int;
import dev.jctl.diff.gotemplate.Node.Argument;
import dev.jctl.diff.gotemplate.Node.BranchNode;
import dev.jctl.diff.gotemplate.Node.ChainNode;
import dev.jctl.diff.gotemplate.Node.CommandNode;
import dev.jctl.diff.gotemplate.Node.FieldNode;
import dev.jctl.diff.gotemplate.Node.IdentifierNode;
import dev.jctl.diff.gotemplate.Node.ListNode;
import dev.jctl.diff.gotemplate.Node.NumberNode;
import dev.jctl.diff.gotemplate.Node.PipeNode;
import dev.jctl.diff.gotemplate.Node.VariableNode;
import dev.jctl.diff.gotemplate.TemplateFunction.Param;
import dev.jctl.diff.io.GoStrings;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * text/template's execution state ({@code exec.go}): walks a tree over the data, evaluating pipelines as Go does
 * through reflect — fields of maps as interface-typed values, variables on a stack, functions' arguments checked
 * against their parameter types — and reports errors at the node being evaluated.
 */
final class Executor {
    private static final int MAX_EXEC_DEPTH = 100000;
    /** No value from a previous pipeline stage ({@code missingVal}). */
    private static final Object MISSING = new Object();

    private static final class Break extends RuntimeException {
        Break() {
            super(null, null, false, false);
        }
    }

    private static final class Continue extends RuntimeException {
        Continue() {
            super(null, null, false, false);
        }
    }

    private record Variable(String name, Object value) {
    }

    private final GoTemplate template;
    private final Tree tree;
    private final StringBuilder out;
    private final List<Variable> vars = new ArrayList<>();
    private final int depth;
    private Node node;

    Executor(GoTemplate template, Tree tree, StringBuilder out, Object dot, int depth) {
        this.template = template;
        this.tree = tree;
        this.out = out;
        this.depth = depth;
        vars.add(new Variable("$", dot));
    }

    void run(Object dot) {
        walk(dot, tree.root);
    }

    private GoTemplateException error(String message) {
        String name = tree.name;
        if (node == null) {
            return new GoTemplateException("template: " + name + ": " + message);
        }
        Tree.Location at = Tree.errorContext(node);
        return new GoTemplateException("template: " + at.position() + ": executing " + GoStrings.quote(name) + " at <"
                + at.context() + ">: " + message);
    }

    private void pop(int mark) {
        vars.subList(mark, vars.size()).clear();
    }

    private void setVar(String name, Object value) {
        for (int i = vars.size() - 1; i >= 0; i--) {
            if (vars.get(i).name.equals(name)) {
                vars.set(i, new Variable(name, value));
                return;
            }
        }
        throw error("undefined variable: " + name);
    }

    private void setTopVar(int n, Object value) {
        int i = vars.size() - n;
        vars.set(i, new Variable(vars.get(i).name, value));
    }

    private Object varValue(String name) {
        for (int i = vars.size() - 1; i >= 0; i--) {
            if (vars.get(i).name.equals(name)) {
                return vars.get(i).value;
            }
        }
        throw error("undefined variable: " + name);
    }

    private void walk(Object dot, Node n) {
        node = n;
        if (n instanceof Node.ActionNode action) {
            Object value = evalPipeline(dot, action.pipe());
            if (action.pipe().decl.isEmpty()) {
                printValue(action, value);
            }
        } else if (n instanceof Node.BreakNode) {
            throw new Break();
        } else if (n instanceof Node.ContinueNode) {
            throw new Continue();
        } else if (n instanceof BranchNode branch) {
            if (branch.kind() == Node.Branch.RANGE) {
                walkRange(dot, branch);
            } else {
                walkIfOrWith(branch, dot);
            }
        } else if (n instanceof ListNode list) {
            for (Node item : list.nodes) {
                walk(dot, item);
            }
        } else if (n instanceof Node.TemplateNode call) {
            walkTemplate(dot, call);
        } else if (n instanceof Node.TextNode text) {
            out.append(text.value());
        } else if (!(n instanceof Node.CommentNode)) {
            throw error("unknown node: " + n.text());
        }
    }

    private void walkIfOrWith(BranchNode branch, Object dot) {
        int mark = vars.size();
        try {
            Object value = evalPipeline(dot, branch.pipe());
            if (Builtins.truth(value)) {
                walk(branch.kind() == Node.Branch.WITH ? value : dot, branch.list());
            } else if (branch.elseList() != null) {
                walk(dot, branch.elseList());
            }
        } finally {
            pop(mark);
        }
    }

    private void walkRange(Object dot, BranchNode range) {
        node = range;
        int outer = vars.size();
        try {
            Object value = evalPipeline(dot, range.pipe());
            int mark = vars.size();
            switch (GoValues.kind(value)) {
                case SLICE -> {
                    List<?> list = (List<?>) value;
                    if (!list.isEmpty()) {
                        for (int i = 0; i < list.size(); i++) {
                            iteration(range, mark, Int.of(i), new Iface(list.get(i)));
                        }
                        return;
                    }
                }
                case MAP -> {
                    Map<?, ?> map = (Map<?, ?>) value;
                    if (!map.isEmpty()) {
                        for (Map.Entry<?, ?> e : map.entrySet()) {
                            iteration(range, mark, e.getKey(), new Iface(e.getValue()));
                        }
                        return;
                    }
                }
                case INVALID -> {
                    // A nil map or the like ranges as an empty one.
                }
                default -> throw error("range can't iterate over " + GoFmt.sprint(value));
            }
            if (range.elseList() != null) {
                walk(dot, range.elseList());
            }
        } catch (Break ignored) {
            // {{break}} ends the range.
        } finally {
            pop(outer);
        }
    }

    private void iteration(BranchNode range, int mark, Object index, Object element) {
        List<VariableNode> decl = range.pipe().decl;
        if (!decl.isEmpty()) {
            if (range.pipe().isAssign) {
                setVar(decl.get(0).ident().get(0), decl.size() > 1 ? index : element);
            } else {
                setTopVar(1, element);
            }
        }
        if (decl.size() > 1) {
            if (range.pipe().isAssign) {
                setVar(decl.get(1).ident().get(0), element);
            } else {
                setTopVar(2, index);
            }
        }
        try {
            walk(element, range.list());
        } catch (Continue ignored) {
            // {{continue}} goes on with the next element.
        } finally {
            pop(mark);
        }
    }

    private void walkTemplate(Object dot, Node.TemplateNode call) {
        node = call;
        Tree called = template.lookup(call.name());
        if (called == null) {
            throw error("template " + GoStrings.quote(call.name()) + " not defined");
        }
        if (depth == MAX_EXEC_DEPTH) {
            throw error("exceeded maximum template depth (" + MAX_EXEC_DEPTH + ")");
        }
        Object newDot = evalPipeline(dot, call.pipe());
        try {
            new Executor(template, called, out, newDot, depth + 1).run(newDot);
        } catch (StackOverflowError e) {
            // The JVM's stack runs out before Go's depth limit; report it as Go does.
            node = call;
            throw error("exceeded maximum template depth (" + MAX_EXEC_DEPTH + ")");
        }
    }

    private Object evalPipeline(Object dot, PipeNode pipe) {
        if (pipe == null) {
            return null;
        }
        node = pipe;
        Object value = MISSING;
        for (CommandNode cmd : pipe.cmds) {
            value = GoValues.concrete(evalCommand(dot, cmd, value));
        }
        for (VariableNode variable : pipe.decl) {
            if (pipe.isAssign) {
                setVar(variable.ident().get(0), value);
            } else {
                vars.add(new Variable(variable.ident().get(0), value));
            }
        }
        return value;
    }

    private void notAFunction(List<Argument> args, Object last) {
        if (args != null && args.size() > 1 || last != MISSING) {
            throw error("can't give argument to non-function " + args.get(0).text());
        }
    }

    private Object evalCommand(Object dot, CommandNode cmd, Object last) {
        Argument first = cmd.args.get(0);
        if (first instanceof FieldNode field) {
            return evalFieldNode(dot, field, cmd.args, last);
        }
        if (first instanceof ChainNode chain) {
            return evalChainNode(dot, chain, cmd.args, last);
        }
        if (first instanceof IdentifierNode identifier) {
            return evalFunction(dot, identifier, cmd, cmd.args, last);
        }
        if (first instanceof PipeNode pipe) {
            notAFunction(cmd.args, last);
            return evalPipeline(dot, pipe);
        }
        if (first instanceof VariableNode variable) {
            return evalVariableNode(dot, variable, cmd.args, last);
        }
        node = first;
        notAFunction(cmd.args, last);
        if (first instanceof Node.BoolNode b) {
            return b.value();
        }
        if (first instanceof Node.DotNode) {
            return dot;
        }
        if (first instanceof Node.NilNode) {
            throw error("nil is not a command");
        }
        if (first instanceof NumberNode number) {
            return idealConstant(number);
        }
        if (first instanceof Node.StringNode s) {
            return s.value();
        }
        throw error("can't evaluate command " + GoStrings.quote(first.text()));
    }

    /** A constant with no type from context: its syntax decides (1.5 float64, 'a' and 1 int, 1i complex128). */
    private Object idealConstant(NumberNode constant) {
        node = constant;
        String text = constant.text();
        if (constant.isComplex()) {
            return constant.complex();
        }
        boolean hexInt = text.length() > 2 && text.charAt(0) == '0' && (text.charAt(1) == 'x' || text.charAt(1) == 'X')
                && text.indexOf('p') < 0 && text.indexOf('P') < 0;
        boolean runeInt = text.startsWith("'");
        if (constant.isFloat() && !hexInt && !runeInt && text.chars().anyMatch(c -> ".eEpP".indexOf(c) >= 0)) {
            return constant.float64();
        }
        if (constant.isInt()) {
            return Int.of(constant.int64());
        }
        if (constant.isUint()) {
            throw error(text + " overflows int");
        }
        return null;
    }

    private Object evalFieldNode(Object dot, FieldNode field, List<Argument> args, Object last) {
        node = field;
        return evalFieldChain(dot, dot, field, field.ident(), args, last);
    }

    private Object evalChainNode(Object dot, ChainNode chain, List<Argument> args, Object last) {
        node = chain;
        if (chain.fields.isEmpty()) {
            throw error("internal error: no fields in evalChainNode");
        }
        if (chain.node instanceof Node.NilNode) {
            throw error("indirection through explicit nil in " + chain.text());
        }
        Object pipe = evalArg(dot, null, chain.node);
        return evalFieldChain(dot, pipe, chain, chain.fields, args, last);
    }

    private Object evalVariableNode(Object dot, VariableNode variable, List<Argument> args, Object last) {
        node = variable;
        Object value = varValue(variable.ident().get(0));
        if (variable.ident().size() == 1) {
            notAFunction(args, last);
            return value;
        }
        return evalFieldChain(dot, value, variable, variable.ident().subList(1, variable.ident().size()), args,
                last);
    }

    private Object evalFieldChain(Object dot, Object receiver, Node at, List<String> ident, List<Argument> args,
                                  Object last) {
        Object value = receiver;
        int n = ident.size();
        for (int i = 0; i < n - 1; i++) {
            value = evalField(ident.get(i), at, null, MISSING, value);
        }
        return evalField(ident.get(n - 1), at, args, last, value);
    }

    private Object evalFunction(Object dot, IdentifierNode identifier, Node cmd, List<Argument> args, Object last) {
        node = identifier;
        String name = identifier.ident();
        TemplateFunction function = template.function(name);
        if (function == null) {
            throw error(GoStrings.quote(name) + " is not a defined function");
        }
        return evalCall(dot, function, template.isBuiltin(name), cmd, name, args, last);
    }

    /** {@code .Field} of a map (text/template's only method-less case for JSON data). */
    private Object evalField(String fieldName, Node at, List<Argument> args, Object last, Object receiver) {
        if (receiver == null) {
            if (template.missingKey() == GoTemplate.MissingKey.ERROR) {
                throw error("nil data; no entry for key " + GoStrings.quote(fieldName));
            }
            return null;
        }
        String type = GoValues.typeName(receiver);
        Object value = receiver;
        if (value instanceof Iface iface) {
            if (iface.value() == null) {
                throw error("nil pointer evaluating " + type + "." + fieldName);
            }
            value = iface.value();
        }
        boolean hasArgs = args != null && args.size() > 1 || last != MISSING;
        if (value instanceof Map<?, ?> map) {
            if (hasArgs) {
                throw error(fieldName + " is not a method but has arguments");
            }
            if (map.containsKey(fieldName)) {
                return new Iface(map.get(fieldName));
            }
            return switch (template.missingKey()) {
                case INVALID -> null;
                case ZERO -> new Iface(null);
                case ERROR -> throw error("map has no entry for key " + GoStrings.quote(fieldName));
            };
        }
        throw error("can't evaluate field " + fieldName + " in type " + type);
    }

    private Object evalCall(Object dot, TemplateFunction function, boolean builtin, Node at, String name,
                            List<Argument> allArgs, Object last) {
        List<Argument> args = allArgs == null ? List.of() : allArgs.subList(1, allArgs.size());
        List<Param> params = function.params();
        int numIn = args.size() + (last != MISSING ? 1 : 0);
        int numFixed = args.size();
        if (function.variadic()) {
            numFixed = params.size() - 1;
            if (numIn < numFixed) {
                throw error("wrong number of args for " + name + ": want at least " + numFixed + " got "
                        + args.size());
            }
        } else if (numIn != params.size()) {
            throw error("wrong number of args for " + name + ": want " + params.size() + " got " + numIn);
        }
        if (builtin && (name.equals("and") || name.equals("or"))) {
            Object value = null;
            for (Argument arg : args) {
                value = evalArg(dot, Param.VALUE, arg);
                if (Builtins.truth(value) == name.equals("or")) {
                    return value;
                }
            }
            if (last != MISSING) {
                value = validateType(last, Param.VALUE);
            }
            return value;
        }
        List<Object> argv = new ArrayList<>(numIn);
        int i = 0;
        for (; i < numFixed && i < args.size(); i++) {
            argv.add(evalArg(dot, params.get(i), args.get(i)));
        }
        if (function.variadic()) {
            Param variadic = params.get(params.size() - 1);
            for (; i < args.size(); i++) {
                argv.add(evalArg(dot, variadic, args.get(i)));
            }
        }
        if (last != MISSING) {
            Param type = function.variadic() && numIn - 1 >= numFixed ? params.get(params.size() - 1)
                    : params.get(numIn - 1);
            argv.add(validateType(last, type));
        }
        try {
            if (builtin && name.equals("call")) {
                if (args.isEmpty()) {
                    throw new GoTemplateException("runtime error: index out of range [0] with length 0", true);
                }
                return call(args.get(0).text(), argv.get(0));
            }
            return function.body().call(argv);
        } catch (TemplateFunction.Failure e) {
            node = at;
            throw error("error calling " + name + ": " + e.getMessage());
        }
    }

    /** {@code call}: no value of JSON data is a function, so it can only fail, naming what it was given. */
    private static Object call(String calleeName, Object fn) {
        Object value = GoValues.concrete(fn);
        if (value == null) {
            throw new TemplateFunction.Failure("call of nil");
        }
        throw new TemplateFunction.Failure("non-function " + calleeName + " of type " + GoValues.typeName(value));
    }

    /** Checks a value against a parameter type; a null type (a chain's head) takes anything. */
    private Object validateType(Object value, Param type) {
        if (value == null) {
            if (type == Param.STRING) {
                throw error("invalid value; expected string");
            }
            return null;
        }
        if (type == null || type == Param.VALUE) {
            return value;
        }
        if (type == Param.ANY) {
            return GoValues.concrete(value);
        }
        if (value instanceof String) {
            return value;
        }
        if (value instanceof Iface iface && iface.value() instanceof String s) {
            return s;
        }
        Object shown = value instanceof Iface iface && iface.value() != null ? iface.value() : value;
        throw error("wrong type for value; expected string; got " + GoValues.typeName(shown));
    }

    private Object evalArg(Object dot, Param type, Argument n) {
        node = n;
        if (n instanceof Node.DotNode) {
            return validateType(dot, type);
        }
        if (n instanceof Node.NilNode) {
            if (type == Param.STRING) {
                throw error("cannot assign nil to string");
            }
            return null;
        }
        if (n instanceof FieldNode field) {
            return validateType(evalFieldNode(dot, field, List.of(n), MISSING), type);
        }
        if (n instanceof VariableNode variable) {
            return validateType(evalVariableNode(dot, variable, null, MISSING), type);
        }
        if (n instanceof PipeNode pipe) {
            return validateType(evalPipeline(dot, pipe), type);
        }
        if (n instanceof IdentifierNode identifier) {
            return validateType(evalFunction(dot, identifier, identifier, null, MISSING), type);
        }
        if (n instanceof ChainNode chain) {
            return validateType(evalChainNode(dot, chain, null, MISSING), type);
        }
        if (type == Param.STRING) {
            if (n instanceof Node.StringNode s) {
                return s.value();
            }
            throw error("expected string; found " + n.text());
        }
        if (n instanceof Node.BoolNode b) {
            return b.value();
        }
        if (n instanceof NumberNode number) {
            return idealConstant(number);
        }
        if (n instanceof Node.StringNode s) {
            return s.value();
        }
        throw error("can't handle assignment of " + n.text() + " to empty interface argument");
    }

    private void printValue(Node at, Object value) {
        node = at;
        out.append(value == null ? "<no value>" : GoFmt.sprint(value));
    }
}
