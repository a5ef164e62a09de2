package dev.jctl.diff.gotemplate;

import static dev.jctl.diff.gotemplate.TemplateFunction.Param.ANY;
import static dev.jctl.diff.gotemplate.TemplateFunction.Param.STRING;

import dev.jctl.diff.gotemplate.GoValues.Iface;
import dev.jctl.diff.gotemplate.GoValues.Int;
import dev.jctl.diff.io.GoStrings;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** The functions kubectl's go-template printer adds to text/template's: {@code exists} and {@code base64decode}. */
public final class KubectlFunctions {
    public static final Map<String, TemplateFunction> FUNCTIONS = Map.of(
            "exists", new TemplateFunction(List.of(ANY, ANY), true, args -> exists(args.get(0),
                    args.subList(1, args.size()))),
            "base64decode", new TemplateFunction(List.of(STRING), false, args -> base64decode((String) args.get(0))));

    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

    private KubectlFunctions() {
    }

    /** Whether {@code index item indices...} would find something that is not nil. */
    static boolean exists(Object item, List<Object> indices) {
        Object v = item;
        for (Object index : indices) {
            if (v instanceof Iface iface) {
                if (iface.value() == null) {
                    return false;
                }
                v = iface.value();
            }
            if (v instanceof List<?> list || v instanceof String) {
                if (!(index instanceof Int i)) {
                    return false;
                }
                int length = v instanceof List<?> l ? l.size() : GoStrings.utf8Length((String) v);
                if (i.value() < 0 || i.value() >= length) {
                    return false;
                }
                v = v instanceof List<?> l ? new Iface(l.get((int) i.value()))
                        : new Int(GoStrings.bytes((String) v)[(int) i.value()] & 0xff, GoValues.IntType.UINT8);
            } else if (v instanceof Map<?, ?> map) {
                Object key = index == null ? "" : index;
                if (!(key instanceof String)) {
                    return false;
                }
                v = new Iface(map.get(key));
            } else {
                return false;
            }
        }
        return !(v instanceof Iface iface && iface.value() == null);
    }

    /** Go's base64.StdEncoding.DecodeString: padding required, line breaks skipped, errors at a byte offset. */
    static String base64decode(String text) {
        byte[] src = text.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int si = 0;
        while (true) {
            int[] quantum = new int[4];
            int length = 4;
            for (int j = 0; j < 4; j++) {
                if (si == src.length) {
                    if (j == 0) {
                        return out.toString(StandardCharsets.UTF_8);
                    }
                    throw corrupt(si - j);
                }
                int in = src[si++] & 0xff;
                int decoded = ALPHABET.indexOf(in);
                if (decoded >= 0) {
                    quantum[j] = decoded;
                    continue;
                }
                if (in == '\n' || in == '\r') {
                    j--;
                    continue;
                }
                if (in != '=' || j < 2) {
                    throw corrupt(si - 1);
                }
                if (j == 2) {
                    si = skipLineBreaks(src, si);
                    if (si == src.length) {
                        throw corrupt(src.length);
                    }
                    if (src[si] != '=') {
                        throw corrupt(si - 1);
                    }
                    si++;
                }
                si = skipLineBreaks(src, si);
                if (si < src.length) {
                    throw corrupt(si);
                }
                length = j;
                break;
            }
            int bits = quantum[0] << 18 | quantum[1] << 12 | quantum[2] << 6 | quantum[3];
            for (int k = 0; k < length - 1; k++) {
                out.write(bits >> (16 - 8 * k) & 0xff);
            }
            if (length < 4) {
                return out.toString(StandardCharsets.UTF_8);
            }
        }
    }

    private static int skipLineBreaks(byte[] src, int from) {
        int i = from;
        while (i < src.length && (src[i] == '\n' || src[i] == '\r')) {
            i++;
        }
        return i;
    }

    private static TemplateFunction.Failure corrupt(int offset) {
        return new TemplateFunction.Failure("base64 decode failed: illegal base64 data at input byte " + offset);
    }
}
