package dev.jctl.diff.gotemplate;

import dev.jctl.diff.gotemplate.GoValues.Complex;
import dev.jctl.diff.gotemplate.GoValues.Iface;
import dev.jctl.diff.gotemplate.GoValues.Int;
import dev.jctl.diff.io.GoFloat;
import dev.jctl.diff.io.GoStrings;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * Go's {@code fmt.Sprint}, {@code Sprintln} and {@code Sprintf} over {@link GoValues}: the verbs, flags, width,
 * precision and argument indexes, and Go's error forms ({@code %!d(string=x)}, {@code %!v(MISSING)},
 * {@code %!(EXTRA int=1)}). Arguments are Go interface values: a Java null is a nil interface.
 */
public final class GoFmt {
    private static final String LOWER = "0123456789abcdefx";
    private static final String UPPER = "0123456789ABCDEFX";

    private final StringBuilder buf = new StringBuilder();
    private boolean widPresent;
    private boolean precPresent;
    private boolean minus;
    private boolean plus;
    private boolean sharp;
    private boolean space;
    private boolean zero;
    private boolean plusV;
    private boolean sharpV;
    private int wid;
    private int prec;
    /** The argument being printed at the top level, for error forms; the value printed at depth otherwise. */
    private Object arg;
    private boolean argIsTop;

    private GoFmt() {
    }

    /** {@code fmt.Sprint}: spaces between operands when neither is a string. */
    public static String sprint(Object... args) {
        GoFmt p = new GoFmt();
        boolean prevString = false;
        for (int i = 0; i < args.length; i++) {
            boolean isString = args[i] instanceof String;
            if (i > 0 && !isString && !prevString) {
                p.buf.append(' ');
            }
            p.printArg(args[i], 'v');
            prevString = isString;
        }
        return p.buf.toString();
    }

    /** {@code fmt.Sprintln}: spaces between all operands and a line break after them. */
    public static String sprintln(Object... args) {
        GoFmt p = new GoFmt();
        for (int i = 0; i < args.length; i++) {
            if (i > 0) {
                p.buf.append(' ');
            }
            p.printArg(args[i], 'v');
        }
        return p.buf.append('\n').toString();
    }

    /** {@code fmt.Sprintf}. */
    public static String sprintf(String format, Object... args) {
        GoFmt p = new GoFmt();
        p.doPrintf(format, args);
        return p.buf.toString();
    }

    /** {@code %+v} of a value, as kubectl prints the object it gave a failing template. */
    public static String plusV(Object value) {
        return sprintf("%+v", value);
    }

    private void clearFlags() {
        widPresent = false;
        precPresent = false;
        minus = false;
        plus = false;
        sharp = false;
        space = false;
        zero = false;
        plusV = false;
        sharpV = false;
        wid = 0;
        prec = 0;
    }

    private void doPrintf(String format, Object[] a) {
        int end = format.length();
        int argNum = 0;
        boolean afterIndex;
        boolean reordered = false;
        int i = 0;
        while (i < end) {
            boolean goodArgNum = true;
            int lasti = i;
            while (i < end && format.charAt(i) != '%') {
                i++;
            }
            if (i > lasti) {
                buf.append(format, lasti, i);
            }
            if (i >= end) {
                break;
            }
            i++;
            clearFlags();
            boolean simple = false;
            flags:
            for (; i < end; i++) {
                char c = format.charAt(i);
                switch (c) {
                    case '#' -> sharp = true;
                    case '0' -> zero = true;
                    case '+' -> plus = true;
                    case '-' -> minus = true;
                    case ' ' -> space = true;
                    default -> {
                        if (c >= 'a' && c <= 'z' && argNum < a.length) {
                            if (c == 'v') {
                                sharpV = sharp;
                                sharp = false;
                                plusV = plus;
                                plus = false;
                            }
                            printArg(a[argNum], c);
                            argNum++;
                            i++;
                            simple = true;
                        }
                        break flags;
                    }
                }
            }
            if (simple) {
                continue;
            }
            ArgNumber n = argNumber(argNum, format, i, a.length);
            argNum = n.argNum;
            i = n.i;
            afterIndex = n.found;
            reordered |= n.reordered;
            goodArgNum &= n.good;
            if (i < end && format.charAt(i) == '*') {
                i++;
                IntArg w = intFromArg(a, argNum);
                wid = w.num;
                widPresent = w.isInt;
                argNum = w.newArgNum;
                if (!widPresent) {
                    buf.append("%!(BADWIDTH)");
                }
                if (wid < 0) {
                    wid = -wid;
                    minus = true;
                    zero = false;
                }
                afterIndex = false;
            } else {
                Num w = parseNum(format, i, end);
                wid = w.num;
                widPresent = w.isNum;
                i = w.newi;
                if (afterIndex && widPresent) {
                    goodArgNum = false;
                }
            }
            if (i + 1 < end && format.charAt(i) == '.') {
                i++;
                if (afterIndex) {
                    goodArgNum = false;
                }
                n = argNumber(argNum, format, i, a.length);
                argNum = n.argNum;
                i = n.i;
                afterIndex = n.found;
                reordered |= n.reordered;
                goodArgNum &= n.good;
                if (i < end && format.charAt(i) == '*') {
                    i++;
                    IntArg p = intFromArg(a, argNum);
                    prec = p.num;
                    precPresent = p.isInt;
                    argNum = p.newArgNum;
                    if (prec < 0) {
                        prec = 0;
                        precPresent = false;
                    }
                    if (!precPresent) {
                        buf.append("%!(BADPREC)");
                    }
                    afterIndex = false;
                } else {
                    Num p = parseNum(format, i, end);
                    prec = p.num;
                    precPresent = p.isNum;
                    i = p.newi;
                    if (!precPresent) {
                        prec = 0;
                        precPresent = true;
                    }
                }
            }
            if (!afterIndex) {
                n = argNumber(argNum, format, i, a.length);
                argNum = n.argNum;
                i = n.i;
                reordered |= n.reordered;
                goodArgNum &= n.good;
            }
            if (i >= end) {
                buf.append("%!(NOVERB)");
                break;
            }
            int verb = format.codePointAt(i);
            i += Character.charCount(verb);
            if (verb == '%') {
                buf.append('%');
            } else if (!goodArgNum) {
                buf.append("%!").appendCodePoint(verb).append("(BADINDEX)");
            } else if (argNum >= a.length) {
                buf.append("%!").appendCodePoint(verb).append("(MISSING)");
            } else {
                if (verb == 'v') {
                    sharpV = sharp;
                    sharp = false;
                    plusV = plus;
                    plus = false;
                }
                printArg(a[argNum], verb);
                argNum++;
            }
        }
        if (!reordered && argNum < a.length) {
            clearFlags();
            buf.append("%!(EXTRA ");
            for (int k = argNum; k < a.length; k++) {
                if (k > argNum) {
                    buf.append(", ");
                }
                if (a[k] == null) {
                    buf.append("<nil>");
                } else {
                    buf.append(GoValues.typeName(a[k])).append('=');
                    printArg(a[k], 'v');
                }
            }
            buf.append(')');
        }
    }

    private record ArgNumber(int argNum, int i, boolean found, boolean reordered, boolean good) {
    }

    private record Num(int num, boolean isNum, int newi) {
    }

    private record IntArg(int num, boolean isInt, int newArgNum) {
    }

    private static boolean tooLarge(long x) {
        return x > 1_000_000 || x < -1_000_000;
    }

    private static Num parseNum(String s, int start, int end) {
        if (start >= end) {
            return new Num(0, false, end);
        }
        int num = 0;
        boolean isNum = false;
        int i = start;
        for (; i < end && s.charAt(i) >= '0' && s.charAt(i) <= '9'; i++) {
            if (tooLarge(num)) {
                return new Num(0, false, end);
            }
            num = num * 10 + s.charAt(i) - '0';
            isNum = true;
        }
        return new Num(num, isNum, i);
    }

    private static ArgNumber argNumber(int argNum, String format, int i, int numArgs) {
        if (format.length() <= i || format.charAt(i) != '[') {
            return new ArgNumber(argNum, i, false, false, true);
        }
        int wid = 1;
        boolean ok = false;
        int index = 0;
        if (format.length() - i >= 3) {
            for (int j = i + 1; j < format.length(); j++) {
                if (format.charAt(j) == ']') {
                    Num n = parseNum(format, i + 1, j);
                    wid = j - i + 1;
                    if (n.isNum && n.newi == j) {
                        ok = true;
                        index = n.num - 1;
                    }
                    break;
                }
            }
        }
        if (ok && index >= 0 && index < numArgs) {
            return new ArgNumber(index, i + wid, true, true, true);
        }
        return new ArgNumber(argNum, i + wid, ok, true, false);
    }

    private static IntArg intFromArg(Object[] a, int argNum) {
        if (argNum >= a.length) {
            return new IntArg(0, false, argNum);
        }
        int num = 0;
        boolean isInt = false;
        if (a[argNum] instanceof Int n && (n.signed() || n.value() >= 0)) {
            num = (int) n.value();
            isInt = num == n.value();
        }
        if (tooLarge(num)) {
            num = 0;
            isInt = false;
        }
        return new IntArg(num, isInt, argNum + 1);
    }

    /** printArg: the top-level printing of one interface value. */
    private void printArg(Object value, int verb) {
        arg = value;
        argIsTop = true;
        if (value == null) {
            if (verb == 'T' || verb == 'v') {
                padString("<nil>");
            } else {
                badVerb(verb);
            }
            return;
        }
        if (verb == 'T') {
            fmtS(GoValues.typeName(value));
            return;
        }
        if (verb == 'p') {
            badVerb(verb);
            return;
        }
        printValue(value, verb, 0);
    }

    private void printValue(Object value, int verb, int depth) {
        if (depth > 0) {
            arg = value;
            argIsTop = false;
        }
        switch (GoValues.kind(value)) {
            case INVALID -> {
                if (depth == 0) {
                    buf.append("<invalid reflect.Value>");
                } else if (verb == 'v') {
                    buf.append("<nil>");
                } else {
                    badVerb(verb);
                }
            }
            case BOOL -> fmtBool((Boolean) value, verb);
            case INT, UINT -> fmtInteger((Int) value, verb);
            case FLOAT -> fmtFloat((Double) value, verb);
            case COMPLEX -> fmtComplex((Complex) value, verb);
            case STRING -> fmtString((String) value, verb);
            case MAP -> printMap((Map<?, ?>) value, verb, depth);
            case SLICE -> printSlice((List<?>) value, verb, depth);
            case INTERFACE -> printElement(((Iface) value).value(), verb, depth);
        }
    }

    /** An element of a map or slice: an interface value, printed as its content. */
    private void printElement(Object element, int verb, int depth) {
        if (element == null) {
            buf.append(sharpV ? "interface {}(nil)" : "<nil>");
        } else {
            printValue(element, verb, depth + 1);
        }
    }

    private void printMap(Map<?, ?> map, int verb, int depth) {
        buf.append(sharpV ? "map[string]interface {}{" : "map[");
        int i = 0;
        for (Map.Entry<?, ?> e : map.entrySet()) {
            if (i++ > 0) {
                buf.append(sharpV ? ", " : " ");
            }
            printValue(e.getKey(), verb, depth + 1);
            buf.append(':');
            printElement(e.getValue(), verb, depth + 1);
        }
        buf.append(sharpV ? '}' : ']');
    }

    private void printSlice(List<?> list, int verb, int depth) {
        buf.append(sharpV ? "[]interface {}{" : "[");
        for (int i = 0; i < list.size(); i++) {
            if (i > 0) {
                buf.append(sharpV ? ", " : " ");
            }
            printElement(list.get(i), verb, depth + 1);
        }
        buf.append(sharpV ? '}' : ']');
    }

    private void badVerb(int verb) {
        buf.append("%!").appendCodePoint(verb).append('(');
        Object value = arg;
        if (value != null) {
            buf.append(GoValues.typeName(value)).append('=');
            boolean top = argIsTop;
            if (top) {
                printArg(value, 'v');
            } else {
                printValue(value, 'v', 0);
            }
        } else {
            buf.append("<nil>");
        }
        buf.append(')');
    }

    private void fmtBool(boolean v, int verb) {
        if (verb == 't' || verb == 'v') {
            padString(v ? "true" : "false");
        } else {
            badVerb(verb);
        }
    }

    private void fmtInteger(Int v, int verb) {
        boolean signed = v.signed();
        long u = v.value();
        switch (verb) {
            case 'v' -> {
                if (sharpV && !signed) {
                    boolean old = sharp;
                    sharp = true;
                    integer(u, 16, false, 'v', LOWER);
                    sharp = old;
                } else {
                    integer(u, 10, signed, verb, LOWER);
                }
            }
            case 'd' -> integer(u, 10, signed, verb, LOWER);
            case 'b' -> integer(u, 2, signed, verb, LOWER);
            case 'o', 'O' -> integer(u, 8, signed, verb, LOWER);
            case 'x' -> integer(u, 16, signed, verb, LOWER);
            case 'X' -> integer(u, 16, signed, verb, UPPER);
            case 'c' -> pad(new String(Character.toChars(rune(u))));
            case 'q' -> pad(GoStrings.quoteRune(u, plus));
            case 'U' -> fmtUnicode(u);
            default -> badVerb(verb);
        }
    }

    private static int rune(long u) {
        return u < 0 || u > Character.MAX_CODE_POINT || u >= 0xD800 && u <= 0xDFFF ? 0xFFFD : (int) u;
    }

    private void fmtUnicode(long u) {
        StringBuilder digits = new StringBuilder(Long.toHexString(u).toUpperCase());
        int p = precPresent && prec > 4 ? prec : 4;
        while (digits.length() < p) {
            digits.insert(0, '0');
        }
        String text = "U+" + digits;
        if (sharp && u >= 0 && u <= Character.MAX_CODE_POINT && GoStrings.isPrint((int) u)) {
            text += " '" + new String(Character.toChars((int) u)) + "'";
        }
        boolean oldZero = zero;
        zero = false;
        pad(text);
        zero = oldZero;
    }

    /** fmt's fmtInteger: precision and zero padding as leading zeros, then sign and base prefixes. */
    private void integer(long u, int base, boolean signed, int verb, String digits) {
        boolean negative = signed && u < 0;
        java.math.BigInteger magnitude = negative ? java.math.BigInteger.valueOf(u).negate()
                : new java.math.BigInteger(Long.toUnsignedString(u));
        int precision = 0;
        if (precPresent) {
            precision = prec;
            if (precision == 0 && u == 0) {
                boolean oldZero = zero;
                zero = false;
                writePadding(wid);
                zero = oldZero;
                return;
            }
        } else if (zero && !minus && widPresent) {
            precision = wid;
            if (negative || plus || space) {
                precision--;
            }
        }
        String number = magnitude.toString(base);
        if (digits.charAt(10) == 'A') {
            number = number.toUpperCase();
        }
        StringBuilder text = new StringBuilder();
        text.append("0".repeat(Math.max(precision - number.length(), 0))).append(number);
        if (sharp) {
            switch (base) {
                case 2 -> text.insert(0, "0b");
                case 8 -> {
                    if (text.charAt(0) != '0') {
                        text.insert(0, '0');
                    }
                }
                case 16 -> text.insert(0, "0" + digits.charAt(16));
                default -> {
                }
            }
        }
        if (verb == 'O') {
            text.insert(0, "0o");
        }
        if (negative) {
            text.insert(0, '-');
        } else if (plus) {
            text.insert(0, '+');
        } else if (space) {
            text.insert(0, ' ');
        }
        boolean oldZero = zero;
        zero = false;
        pad(text.toString());
        zero = oldZero;
    }

    private void fmtFloat(double v, int verb) {
        switch (verb) {
            case 'v' -> formatFloat(v, 'g', -1);
            case 'b', 'g', 'G', 'x', 'X' -> formatFloat(v, (char) verb, -1);
            case 'f', 'e', 'E' -> formatFloat(v, (char) verb, 6);
            case 'F' -> formatFloat(v, 'f', 6);
            default -> badVerb(verb);
        }
    }

    private void fmtComplex(Complex v, int verb) {
        switch (verb) {
            case 'v', 'b', 'g', 'G', 'x', 'X', 'f', 'F', 'e', 'E' -> {
                boolean oldPlus = plus;
                buf.append('(');
                fmtFloat(v.real(), verb);
                plus = true;
                fmtFloat(v.imaginary(), verb);
                buf.append("i)");
                plus = oldPlus;
            }
            default -> badVerb(verb);
        }
    }

    /** fmt's fmtFloat: sign handling, {@code #} keeping the point and trailing zeros, zero padding after the sign. */
    private void formatFloat(double v, char verb, int defaultPrecision) {
        int precision = precPresent ? prec : defaultPrecision;
        String formatted = GoFloat.format(v, verb, precision);
        StringBuilder num = new StringBuilder(formatted.startsWith("-") || formatted.startsWith("+") ? formatted
                : "+" + formatted);
        if (space && num.charAt(0) == '+' && !plus) {
            num.setCharAt(0, ' ');
        }
        if (num.charAt(1) == 'I' || num.charAt(1) == 'N') {
            boolean oldZero = zero;
            zero = false;
            if (num.charAt(1) == 'N' && !space && !plus) {
                num.deleteCharAt(0);
            }
            pad(num.toString());
            zero = oldZero;
            return;
        }
        if (sharp && verb != 'b') {
            keepPoint(num, verb, precision);
        }
        if (plus || num.charAt(0) != '+') {
            if (zero && !minus && widPresent && wid > num.length()) {
                buf.append(num.charAt(0));
                writePadding(wid - num.length());
                buf.append(num, 1, num.length());
                return;
            }
            pad(num.toString());
            return;
        }
        pad(num.substring(1));
    }

    private static void keepPoint(StringBuilder num, char verb, int precision) {
        int digits = 0;
        if (verb == 'g' || verb == 'G' || verb == 'x') {
            digits = precision == -1 ? 6 : precision;
        }
        String tail = "";
        boolean hasPoint = false;
        boolean sawNonzero = false;
        for (int i = 1; i < num.length(); i++) {
            char c = num.charAt(i);
            if (c == '.') {
                hasPoint = true;
            } else if (c == 'p' || c == 'P' || (c == 'e' || c == 'E') && verb != 'x' && verb != 'X') {
                tail = num.substring(i);
                num.setLength(i);
                break;
            } else {
                if (c != '0') {
                    sawNonzero = true;
                }
                if (sawNonzero) {
                    digits--;
                }
            }
        }
        if (!hasPoint) {
            if (num.length() == 2 && num.charAt(1) == '0') {
                digits--;
            }
            num.append('.');
        }
        while (digits > 0) {
            num.append('0');
            digits--;
        }
        num.append(tail);
    }

    private void fmtString(String v, int verb) {
        switch (verb) {
            case 'v' -> {
                if (sharpV) {
                    fmtQ(v);
                } else {
                    fmtS(v);
                }
            }
            case 's' -> fmtS(v);
            case 'x' -> fmtSx(v, LOWER);
            case 'X' -> fmtSx(v, UPPER);
            case 'q' -> fmtQ(v);
            default -> badVerb(verb);
        }
    }

    private String truncate(String s) {
        if (precPresent && s.codePointCount(0, s.length()) > prec) {
            return s.substring(0, s.offsetByCodePoints(0, prec));
        }
        return s;
    }

    private void fmtS(String s) {
        padString(truncate(s));
    }

    private void fmtQ(String s) {
        s = truncate(s);
        if (sharp && GoStrings.canBackquote(s)) {
            padString("`" + s + "`");
        } else {
            pad(plus ? GoStrings.quoteToAscii(s) : GoStrings.quote(s));
        }
    }

    private void fmtSx(String s, String digits) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        int length = precPresent && prec < b.length ? prec : b.length;
        int width = 2 * length;
        if (width > 0) {
            if (space) {
                if (sharp) {
                    width *= 2;
                }
                width += length - 1;
            } else if (sharp) {
                width += 2;
            }
        } else {
            if (widPresent) {
                writePadding(wid);
            }
            return;
        }
        if (widPresent && wid > width && !minus) {
            writePadding(wid - width);
        }
        if (sharp) {
            buf.append('0').append(digits.charAt(16));
        }
        for (int i = 0; i < length; i++) {
            if (space && i > 0) {
                buf.append(' ');
                if (sharp) {
                    buf.append('0').append(digits.charAt(16));
                }
            }
            int c = b[i] & 0xff;
            buf.append(digits.charAt(c >> 4)).append(digits.charAt(c & 0xf));
        }
        if (widPresent && wid > width && minus) {
            writePadding(wid - width);
        }
    }

    private void writePadding(int n) {
        if (n <= 0) {
            return;
        }
        char padByte = zero && !minus ? '0' : ' ';
        buf.append(String.valueOf(padByte).repeat(n));
    }

    private void pad(String s) {
        padString(s);
    }

    private void padString(String s) {
        if (!widPresent || wid == 0) {
            buf.append(s);
            return;
        }
        int width = wid - s.codePointCount(0, s.length());
        if (!minus) {
            writePadding(width);
            buf.append(s);
        } else {
            buf.append(s);
            writePadding(width);
        }
    }
}
