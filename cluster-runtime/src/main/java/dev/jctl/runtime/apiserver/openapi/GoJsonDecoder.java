package dev.jctl.runtime.apiserver.openapi;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The type errors of decoding JSON into a Go type the way kube-apiserver 1.32 does (sigs.k8s.io/json, Go's
 * encoding/json with case-sensitive fields): values are visited in document order, repeated keys included. A
 * mismatch ({@code json: cannot unmarshal string into Go struct field DeploymentSpec.spec.replicas of type int32})
 * is saved and decoding goes on, so the first one is reported; the error of a type's own UnmarshalJSON
 * (IntOrString, Quantity, Time) stops decoding at once and wins over a saved one. The error context is the
 * innermost struct and the JSON field names from the root; list indexes and map keys are not part of it.
 */
final class GoJsonDecoder {
    /** The error that ends decoding: a custom UnmarshalJSON failed. */
    private static final class Stop extends RuntimeException {
        Stop(String message) {
            super(message, null, false, false);
        }
    }

    private final List<String> fields = new ArrayList<>();
    private String struct;
    private String saved;

    private GoJsonDecoder() {
    }

    /** The error decoding {@code value} into {@code type} returns, or null when it decodes. */
    static String firstError(RequestTree value, GoType type) {
        GoJsonDecoder decoder = new GoJsonDecoder();
        try {
            decoder.value(value, type);
        } catch (Stop e) {
            return e.getMessage();
        }
        return decoder.saved;
    }

    private void value(RequestTree value, GoType type) {
        if (value instanceof RequestTree.Obj obj) {
            object(obj, type);
        } else if (value instanceof RequestTree.Arr arr) {
            array(arr, type);
        } else {
            literal((RequestTree.Leaf) value, type);
        }
    }

    private void object(RequestTree.Obj obj, GoType type) {
        switch (type.kind()) {
            case OPAQUE -> {
            }
            case INT_OR_STRING, QUANTITY, TIME -> unmarshalerRefuses("object", type);
            case STRUCT -> {
                for (Map.Entry<String, RequestTree> entry : obj.entries()) {
                    GoType field = type.field(entry.getKey());
                    if (field == null) {
                        continue;
                    }
                    String outerStruct = struct;
                    fields.add(entry.getKey());
                    struct = type.structName();
                    value(entry.getValue(), field);
                    fields.remove(fields.size() - 1);
                    struct = outerStruct;
                }
            }
            case MAP -> {
                GoType element = type.element();
                obj.entries().forEach(entry -> value(entry.getValue(), element));
            }
            default -> save("object", type);
        }
    }

    private void array(RequestTree.Arr arr, GoType type) {
        switch (type.kind()) {
            case OPAQUE -> {
            }
            case INT_OR_STRING, QUANTITY, TIME -> unmarshalerRefuses("array", type);
            case SLICE, BYTES -> {
                GoType element = type.element();
                arr.items().forEach(item -> value(item, element));
            }
            default -> save("array", type);
        }
    }

    private void literal(RequestTree.Leaf leaf, GoType type) {
        if (leaf.kind() == RequestTree.Scalar.NULL || leaf.kind() == RequestTree.Scalar.UNTYPED) {
            // null leaves every Go value as it is (or nil), and the custom types accept it
            return;
        }
        String kind = switch (leaf.kind()) {
            case STRING -> "string";
            case NUMBER -> "number";
            default -> "bool";
        };
        switch (type.kind()) {
            case OPAQUE -> {
            }
            case INT_OR_STRING -> {
                if (leaf.kind() == RequestTree.Scalar.NUMBER && !fitsInt(leaf.text(), 32, true)) {
                    throw new Stop("json: cannot unmarshal number " + leaf.text() + " into Go value of type int32");
                }
                if (leaf.kind() == RequestTree.Scalar.BOOL) {
                    unmarshalerRefuses(kind, type);
                }
            }
            case QUANTITY -> {
                String error = Quantities.unmarshalError(leaf.text());
                if (error != null) {
                    throw new Stop(error);
                }
            }
            case TIME -> {
                // a string is then parsed as RFC 3339 by time.Parse, whose errors are not modelled
                if (leaf.kind() != RequestTree.Scalar.STRING) {
                    unmarshalerRefuses(kind, type);
                }
            }
            case INT, UINT -> {
                if (leaf.kind() != RequestTree.Scalar.NUMBER) {
                    save(kind, type);
                } else if (!fitsInt(leaf.text(), bits(type), type.kind() == GoType.Kind.INT)) {
                    save("number " + leaf.text(), type);
                }
            }
            case FLOAT -> {
                if (leaf.kind() != RequestTree.Scalar.NUMBER) {
                    save(kind, type);
                } else if (Double.isInfinite(Double.parseDouble(leaf.text()))) {
                    save("number " + leaf.text(), type);
                }
            }
            case BOOL -> {
                if (leaf.kind() != RequestTree.Scalar.BOOL) {
                    save(kind, type);
                }
            }
            case STRING -> {
                if (leaf.kind() != RequestTree.Scalar.STRING) {
                    save(kind, type);
                }
            }
            case BYTES -> {
                if (leaf.kind() != RequestTree.Scalar.STRING) {
                    save(kind, type);
                } else {
                    int corrupt = GoBase64.corruptAt(leaf.text());
                    if (corrupt >= 0 && saved == null) {
                        // a plain error, not an UnmarshalTypeError: no field context is added
                        saved = "illegal base64 data at input byte " + corrupt;
                    }
                }
            }
            default -> save(kind, type);
        }
    }

    /**
     * What the UnmarshalJSON of IntOrString (into its int32), Time (into a string) and Quantity answer for a JSON
     * value they cannot take: the standard library's error, with no field context.
     */
    private static void unmarshalerRefuses(String kind, GoType type) {
        switch (type.kind()) {
            case QUANTITY -> throw new Stop(Quantities.FORMAT_WRONG);
            case INT_OR_STRING -> throw new Stop("json: cannot unmarshal " + kind + " into Go value of type int32");
            default -> throw new Stop("json: cannot unmarshal " + kind + " into Go value of type string");
        }
    }

    private void save(String value, GoType type) {
        if (saved != null) {
            return;
        }
        saved = struct != null || !fields.isEmpty()
                ? "json: cannot unmarshal " + value + " into Go struct field " + (struct == null ? "" : struct) + "."
                        + String.join(".", fields) + " of type " + type.name()
                : "json: cannot unmarshal " + value + " into Go value of type " + type.name();
    }

    private static int bits(GoType type) {
        String digits = type.name().replaceAll("\\D", "");
        return digits.isEmpty() ? 64 : Integer.parseInt(digits);
    }

    /** strconv.ParseInt / ParseUint of a JSON number literal, then the range of the Go type. */
    private static boolean fitsInt(String literal, int bits, boolean signed) {
        if (!literal.matches(signed ? "-?[0-9]+" : "[0-9]+")) {
            return false;
        }
        BigInteger n = new BigInteger(literal);
        BigInteger max = BigInteger.ONE.shiftLeft(signed ? bits - 1 : bits).subtract(BigInteger.ONE);
        BigInteger min = signed ? BigInteger.ONE.shiftLeft(bits - 1).negate() : BigInteger.ZERO;
        return n.compareTo(min) >= 0 && n.compareTo(max) <= 0;
    }
}
