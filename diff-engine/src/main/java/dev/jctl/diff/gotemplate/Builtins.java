package dev.jctl.diff.gotemplate;

import static dev.jctl.diff.gotemplate.TemplateFunction.Param.ANY;
import static dev.jctl.diff.gotemplate.TemplateFunction.Param.STRING;
import static dev.jctl.diff.gotemplate.TemplateFunction.Param.VALUE;

import dev.jctl.diff.gotemplate.GoValues.Iface;
import dev.jctl.diff.gotemplate.GoValues.Int;
import dev.jctl.diff.gotemplate.GoValues.Kind;
import dev.jctl.diff.gotemplate.TemplateFunction.Failure;
import dev.jctl.diff.gotemplate.TemplateFunction.Param;
import dev.jctl.diff.io.GoStrings;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * text/template's predefined functions as Go 1.23 has them (kubectl v1.32's): their signatures, results and error
 * messages. {@code and}, {@code or} and {@code call} are evaluated by the executor, which alone can skip or name
 * arguments; they are listed here for their signatures.
 */
final class Builtins {
    private static final String INCOMPATIBLE = "incompatible types for comparison";

    static final Map<String, TemplateFunction> FUNCTIONS = Map.ofEntries(
            Map.entry("and", function(true, null, VALUE, VALUE)),
            Map.entry("or", function(true, null, VALUE, VALUE)),
            Map.entry("call", function(true, null, VALUE, VALUE)),
            Map.entry("not", function(false, a -> !truth(a.get(0)), VALUE)),
            Map.entry("html", function(true, a -> html(evalArgs(a)), ANY)),
            Map.entry("js", function(true, a -> js(evalArgs(a)), ANY)),
            Map.entry("urlquery", function(true, a -> urlQuery(evalArgs(a)), ANY)),
            Map.entry("print", function(true, a -> GoFmt.sprint(a.toArray()), ANY)),
            Map.entry("println", function(true, a -> GoFmt.sprintln(a.toArray()), ANY)),
            Map.entry("printf", function(true, a -> GoFmt.sprintf((String) a.get(0),
                    a.subList(1, a.size()).toArray()), STRING, ANY)),
            Map.entry("index", function(true, Builtins::index, VALUE, VALUE)),
            Map.entry("slice", function(true, Builtins::slice, VALUE, VALUE)),
            Map.entry("len", function(false, a -> length(a.get(0)), VALUE)),
            Map.entry("eq", function(true, a -> eq(a.get(0), a.subList(1, a.size())), VALUE, VALUE)),
            Map.entry("ne", function(false, a -> !eq(a.get(0), a.subList(1, 2)), VALUE, VALUE)),
            Map.entry("lt", function(false, a -> lt(a.get(0), a.get(1)), VALUE, VALUE)),
            Map.entry("le", function(false, a -> le(a.get(0), a.get(1)), VALUE, VALUE)),
            Map.entry("gt", function(false, a -> !le(a.get(0), a.get(1)), VALUE, VALUE)),
            Map.entry("ge", function(false, a -> !lt(a.get(0), a.get(1)), VALUE, VALUE)));

    private Builtins() {
    }

    private static TemplateFunction function(boolean variadic, TemplateFunction.Body body, Param... params) {
        return new TemplateFunction(Arrays.asList(params), variadic, body);
    }

    /** Go's truth of a value: not the zero of its type. */
    static boolean truth(Object value) {
        Object v = GoValues.concrete(value);
        return switch (GoValues.kind(v)) {
            case INVALID -> false;
            case BOOL -> (Boolean) v;
            case INT, UINT -> ((Int) v).value() != 0;
            case FLOAT -> (Double) v != 0;
            case COMPLEX -> ((GoValues.Complex) v).real() != 0 || ((GoValues.Complex) v).imaginary() != 0;
            case STRING, MAP, SLICE -> GoValues.length(v) > 0;
            case INTERFACE -> true;
        };
    }

    /** {@code fmt.Sprint} of the arguments, a nil argument printing as {@code <no value>} (text/template's evalArgs). */
    private static String evalArgs(List<Object> args) {
        if (args.size() == 1 && args.get(0) instanceof String s) {
            return s;
        }
        return GoFmt.sprint(args.stream().map(a -> a == null ? "<no value>" : a).toArray());
    }

    static String html(String s) {
        StringBuilder out = new StringBuilder();
        s.codePoints().forEach(c -> {
            switch (c) {
                case 0 -> out.append('\uFFFD');
                case '"' -> out.append("&#34;");
                case '\'' -> out.append("&#39;");
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                default -> out.appendCodePoint(c);
            }
        });
        return out.toString();
    }

    static String js(String s) {
        StringBuilder out = new StringBuilder();
        s.codePoints().forEach(c -> {
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\'' -> out.append("\\'");
                case '"' -> out.append("\\\"");
                case '<' -> out.append("\\u003C");
                case '>' -> out.append("\\u003E");
                case '&' -> out.append("\\u0026");
                case '=' -> out.append("\\u003D");
                default -> {
                    if (c < ' ') {
                        out.append(String.format("\\u00%02X", c));
                    } else if (c < 0x80 || GoStrings.isPrint(c)) {
                        out.appendCodePoint(c);
                    } else {
                        out.append(String.format("\\u%04X", c));
                    }
                }
            }
        });
        return out.toString();
    }

    /** Go's url.QueryEscape: unreserved bytes kept, space as +, every other byte as %XX. */
    static String urlQuery(String s) {
        StringBuilder out = new StringBuilder();
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '_'
                    || c == '.' || c == '~') {
                out.append((char) c);
            } else if (c == ' ') {
                out.append('+');
            } else {
                out.append('%').append(String.format("%02X", c));
            }
        }
        return out.toString();
    }

    private static int indexArg(Object index, int cap) {
        if (!(index instanceof Int i)) {
            if (index == null) {
                throw new Failure("cannot index slice/array with nil");
            }
            throw new Failure("cannot index slice/array with type " + GoValues.typeName(index));
        }
        long x = i.value();
        if (x < 0 || x > cap) {
            throw new Failure("index out of range: " + (i.signed() ? Long.toString(x) : Long.toUnsignedString(x)));
        }
        return (int) x;
    }

    private static Object index(List<Object> args) {
        Object item = GoValues.concrete(args.get(0));
        if (item == null) {
            throw new Failure("index of untyped nil");
        }
        for (Object raw : args.subList(1, args.size())) {
            Object index = GoValues.concrete(raw);
            if (item instanceof Iface iface) {
                if (iface.value() == null) {
                    throw new Failure("index of nil pointer");
                }
                item = iface.value();
            }
            switch (GoValues.kind(item)) {
                case SLICE -> {
                    List<?> list = (List<?>) item;
                    int x = indexArg(index, list.size());
                    if (x == list.size()) {
                        throw new Failure("reflect: slice index out of range");
                    }
                    item = new Iface(list.get(x));
                }
                case STRING -> {
                    byte[] bytes = GoStrings.bytes((String) item);
                    int x = indexArg(index, bytes.length);
                    if (x == bytes.length) {
                        throw new Failure("reflect: string index out of range");
                    }
                    item = new Int(bytes[x] & 0xff, GoValues.IntType.UINT8);
                }
                case MAP -> {
                    if (!(index instanceof String key)) {
                        throw new Failure(index == null ? "value is nil; should be of type string"
                                : "value has type " + GoValues.typeName(index) + "; should be string");
                    }
                    item = new Iface(((Map<?, ?>) item).get(key));
                }
                default -> throw new Failure("can't index item of type " + GoValues.typeName(item));
            }
        }
        return item;
    }

    private static Object slice(List<Object> args) {
        Object item = GoValues.concrete(args.get(0));
        if (item == null) {
            throw new Failure("slice of untyped nil");
        }
        List<Object> indexes = args.subList(1, args.size());
        if (indexes.size() > 3) {
            throw new Failure("too many slice indexes: " + indexes.size());
        }
        int cap;
        if (item instanceof String s) {
            if (indexes.size() == 3) {
                throw new Failure("cannot 3-index slice a string");
            }
            cap = GoStrings.utf8Length(s);
        } else if (item instanceof List<?> list) {
            cap = list.size();
        } else {
            throw new Failure("can't slice item of type " + GoValues.typeName(item));
        }
        int[] idx = {0, cap, 0};
        for (int i = 0; i < indexes.size(); i++) {
            idx[i] = indexArg(indexes.get(i), cap);
        }
        if (idx[0] > idx[1]) {
            throw new Failure("invalid slice index: " + idx[0] + " > " + idx[1]);
        }
        if (indexes.size() == 3 && idx[1] > idx[2]) {
            throw new Failure("invalid slice index: " + idx[1] + " > " + idx[2]);
        }
        if (item instanceof String s) {
            byte[] bytes = GoStrings.bytes(s);
            return new String(bytes, idx[0], idx[1] - idx[0], StandardCharsets.UTF_8);
        }
        return new ArrayList<>(((List<?>) item).subList(idx[0], idx[1]));
    }

    private static Int length(Object value) {
        Object item = value;
        if (item instanceof Iface iface) {
            if (iface.value() == null) {
                throw new Failure("len of nil pointer");
            }
            item = iface.value();
        }
        return switch (GoValues.kind(item)) {
            case STRING, MAP, SLICE -> Int.of(GoValues.length(item));
            case INVALID -> throw new Failure("reflect: call of reflect.Value.Type on zero Value");
            default -> throw new Failure("len of type " + GoValues.typeName(item));
        };
    }

    private enum Basic { INVALID, BOOL, COMPLEX, INT, FLOAT, STRING, UINT }

    private static Basic basicKind(Object v) {
        return switch (GoValues.kind(v)) {
            case BOOL -> Basic.BOOL;
            case INT -> Basic.INT;
            case UINT -> Basic.UINT;
            case FLOAT -> Basic.FLOAT;
            case COMPLEX -> Basic.COMPLEX;
            case STRING -> Basic.STRING;
            default -> Basic.INVALID;
        };
    }

    private static long asLong(Object v) {
        return ((Int) v).value();
    }

    /** Signed against unsigned: equal when the signed one is not negative and the values match. */
    private static boolean mixedEqual(Object signed, Object unsigned) {
        return asLong(signed) >= 0 && Long.compareUnsigned(asLong(signed), asLong(unsigned)) == 0;
    }

    static boolean eq(Object first, List<Object> others) {
        Object arg1 = GoValues.concrete(first);
        if (others.isEmpty()) {
            throw new Failure("missing argument for comparison");
        }
        Basic k1 = basicKind(arg1);
        for (Object other : others) {
            Object arg = GoValues.concrete(other);
            Basic k2 = basicKind(arg);
            boolean truth = false;
            if (k1 != k2) {
                if (k1 == Basic.INT && k2 == Basic.UINT) {
                    truth = mixedEqual(arg1, arg);
                } else if (k1 == Basic.UINT && k2 == Basic.INT) {
                    truth = mixedEqual(arg, arg1);
                } else if (arg1 != null && arg != null) {
                    throw new Failure(INCOMPATIBLE);
                }
            } else {
                truth = switch (k1) {
                    case BOOL, STRING, COMPLEX -> arg1.equals(arg);
                    case FLOAT -> (double) (Double) arg1 == (Double) arg;
                    case INT, UINT -> asLong(arg1) == asLong(arg);
                    case INVALID -> nonBasicEqual(arg1, arg);
                };
            }
            if (truth) {
                return true;
            }
        }
        return false;
    }

    /** Maps, slices and nil: only nil compares; two maps or slices are not comparable in Go. */
    private static boolean nonBasicEqual(Object arg1, Object arg) {
        Kind k1 = GoValues.kind(arg1);
        Kind k2 = GoValues.kind(arg);
        if (k1 != k2 && k1 != Kind.INVALID && k2 != Kind.INVALID) {
            throw new Failure(GoFmt.sprintf("non-comparable types %s: %v, %s: %v", arg1, GoValues.typeName(arg1),
                    GoValues.typeName(arg), arg));
        }
        if (arg1 == null || arg == null) {
            return arg1 == arg;
        }
        throw new Failure(GoFmt.sprintf("non-comparable type %s: %v", arg, GoValues.typeName(arg)));
    }

    static boolean lt(Object first, Object second) {
        Object arg1 = GoValues.concrete(first);
        Basic k1 = basicKind(arg1);
        if (k1 == Basic.INVALID) {
            throw new Failure("invalid type for comparison");
        }
        Object arg2 = GoValues.concrete(second);
        Basic k2 = basicKind(arg2);
        if (k2 == Basic.INVALID) {
            throw new Failure("invalid type for comparison");
        }
        if (k1 != k2) {
            if (k1 == Basic.INT && k2 == Basic.UINT) {
                return asLong(arg1) < 0 || Long.compareUnsigned(asLong(arg1), asLong(arg2)) < 0;
            }
            if (k1 == Basic.UINT && k2 == Basic.INT) {
                return asLong(arg2) >= 0 && Long.compareUnsigned(asLong(arg1), asLong(arg2)) < 0;
            }
            throw new Failure(INCOMPATIBLE);
        }
        return switch (k1) {
            case BOOL, COMPLEX -> throw new Failure("invalid type for comparison");
            case FLOAT -> (Double) arg1 < (Double) arg2;
            case INT -> asLong(arg1) < asLong(arg2);
            case UINT -> Long.compareUnsigned(asLong(arg1), asLong(arg2)) < 0;
            case STRING -> GoValues.GO_ORDER.compare((String) arg1, (String) arg2) < 0;
            case INVALID -> throw new IllegalStateException();
        };
    }

    static boolean le(Object arg1, Object arg2) {
        return lt(arg1, arg2) || eq(arg1, List.of(arg2));
    }
}
