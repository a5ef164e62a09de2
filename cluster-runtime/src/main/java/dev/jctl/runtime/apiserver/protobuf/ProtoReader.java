package dev.jctl.runtime.apiserver.protobuf;

/** A cursor over protobuf wire format: tags, varints, fixed-width and length-delimited values. */
final class ProtoReader {
    static final int VARINT = 0;
    static final int FIXED64 = 1;
    static final int LENGTH_DELIMITED = 2;
    static final int FIXED32 = 5;

    private final byte[] bytes;
    private int position;
    private final int end;

    ProtoReader(byte[] bytes, int offset, int length) {
        this.bytes = bytes;
        this.position = offset;
        this.end = offset + length;
    }

    boolean hasMore() {
        return position < end;
    }

    long varint() {
        long result = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            if (position >= end) {
                throw new IllegalArgumentException("truncated varint");
            }
            byte b = bytes[position++];
            result |= (long) (b & 0x7f) << shift;
            if ((b & 0x80) == 0) {
                return result;
            }
        }
        throw new IllegalArgumentException("malformed varint");
    }

    /** The next length-delimited value as a reader over just its bytes. */
    ProtoReader message() {
        int length = length();
        ProtoReader inner = new ProtoReader(bytes, position, length);
        position += length;
        return inner;
    }

    byte[] bytes() {
        int length = length();
        byte[] value = java.util.Arrays.copyOfRange(bytes, position, position + length);
        position += length;
        return value;
    }

    String string() {
        return new String(bytes(), java.nio.charset.StandardCharsets.UTF_8);
    }

    /** Skips a value and tells whether it was the zero value (0, empty string/message), which Go writes anyway. */
    boolean skipIsZero(int wireType) {
        int start = position;
        if (wireType == VARINT) {
            return varint() == 0;
        }
        if (wireType == LENGTH_DELIMITED) {
            return length() == 0;
        }
        skip(wireType);
        for (int i = start; i < position; i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        return true;
    }

    void skip(int wireType) {
        switch (wireType) {
            case VARINT -> varint();
            case FIXED64 -> position += 8;
            case LENGTH_DELIMITED -> {
                int length = length();
                position += length;
            }
            case FIXED32 -> position += 4;
            default -> throw new IllegalArgumentException("unsupported wire type " + wireType);
        }
        if (position > end) {
            throw new IllegalArgumentException("truncated field");
        }
    }

    private int length() {
        long length = varint();
        if (length < 0 || position + length > end) {
            throw new IllegalArgumentException("length " + length + " beyond the message");
        }
        return (int) length;
    }
}
