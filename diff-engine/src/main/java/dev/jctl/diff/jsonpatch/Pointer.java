package dev.jctl.diff.jsonpatch;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** An RFC 6901 JSON Pointer split into unescaped reference tokens. */
record Pointer(String text, List<String> tokens) {

    static Pointer parse(String text) {
        if (text.isEmpty()) {
            return new Pointer(text, List.of());
        }
        if (text.charAt(0) != '/') {
            throw new IllegalArgumentException("pointer \"" + text + "\" must be empty or start with /");
        }
        List<String> tokens = new ArrayList<>();
        StringBuilder token = new StringBuilder();
        for (int i = 1; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '/') {
                tokens.add(token.toString());
                token.setLength(0);
            } else if (c == '~') {
                // One left-to-right pass, so "~01" is "~1" and not "/" (RFC 6901 section 4).
                char next = i + 1 < text.length() ? text.charAt(i + 1) : 0;
                if (next != '0' && next != '1') {
                    throw new IllegalArgumentException("pointer \"" + text + "\" has a ~ not followed by 0 or 1");
                }
                token.append(next == '0' ? '~' : '/');
                i++;
            } else {
                token.append(c);
            }
        }
        tokens.add(token.toString());
        return new Pointer(text, Collections.unmodifiableList(tokens));
    }

    static String escape(String token) {
        return token.replace("~", "~0").replace("/", "~1");
    }

    boolean isRoot() {
        return tokens.isEmpty();
    }

    String last() {
        return tokens.get(tokens.size() - 1);
    }

    List<String> parentTokens() {
        return tokens.subList(0, tokens.size() - 1);
    }

    /** Whether {@code other} lies strictly inside this location. */
    boolean isProperPrefixOf(Pointer other) {
        return other.tokens.size() > tokens.size() && other.tokens.subList(0, tokens.size()).equals(tokens);
    }

    @Override
    public String toString() {
        return text;
    }
}
