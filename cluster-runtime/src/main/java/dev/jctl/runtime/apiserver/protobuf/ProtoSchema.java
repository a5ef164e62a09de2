package dev.jctl.runtime.apiserver.protobuf;

import java.util.HashMap;
import java.util.Map;

/**
 * The field numbers and JSON names of one Kubernetes protobuf message (k8s.io/api generated.proto). Fields
 * marked {@code pointer} are optional in Go and keep zero values; the others follow {@code omitempty}.
 */
final class ProtoSchema {
    enum Type { STRING, BYTES, INT, BOOL, TIME, MESSAGE, STRING_MAP, BYTES_MAP, QUANTITY_MAP, INT_OR_STRING }

    record Field(String name, Type type, boolean repeated, boolean pointer, ProtoSchema message) {
    }

    private final String name;
    private final Map<Integer, Field> fields = new HashMap<>();

    ProtoSchema(String name) {
        this.name = name;
    }

    String name() {
        return name;
    }

    Field field(int number) {
        return fields.get(number);
    }

    ProtoSchema scalar(int number, String name, Type type) {
        fields.put(number, new Field(name, type, false, false, null));
        return this;
    }

    ProtoSchema pointer(int number, String name, Type type) {
        fields.put(number, new Field(name, type, false, true, null));
        return this;
    }

    ProtoSchema repeated(int number, String name, Type type) {
        fields.put(number, new Field(name, type, true, false, null));
        return this;
    }

    /** A message field whose Go type is a pointer: present even when empty. */
    ProtoSchema pointerMessage(int number, String name, ProtoSchema schema) {
        fields.put(number, new Field(name, Type.MESSAGE, false, true, schema));
        return this;
    }

    ProtoSchema message(int number, String name, ProtoSchema schema) {
        fields.put(number, new Field(name, Type.MESSAGE, false, false, schema));
        return this;
    }

    ProtoSchema repeatedMessage(int number, String name, ProtoSchema schema) {
        fields.put(number, new Field(name, Type.MESSAGE, true, false, schema));
        return this;
    }
}
