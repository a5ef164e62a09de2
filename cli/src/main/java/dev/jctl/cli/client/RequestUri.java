package dev.jctl.cli.client;

import dev.jctl.diff.io.GoStrings;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A URI given to kubectl's {@code --raw}: checked as Go's url.ParseRequestURI checks it (its errors in Go's
 * words), then sent as client-go's Request.RequestURI sends it: scheme, host and fragment dropped, the path
 * unescaped and escaped again, the query's parameters decoded and encoded again in key order.
 *
 * <p>Go works on bytes; so does this class, on strings holding one byte (of the UTF-8 encoding) per char.
 */
public final class RequestUri {
    private final String bytes;

    private RequestUri(String bytes) {
        this.bytes = bytes;
    }

    /** @throws IllegalArgumentException {@code parse "URI": <reason>}, as Go's url.Error reads */
    public static RequestUri parse(String uri) {
        String bytes = new String(uri.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
        try {
            check(bytes);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("parse " + GoStrings.quote(uri) + ": " + e.getMessage(), e);
        }
        return new RequestUri(bytes);
    }

    /**
     * The path and query as client-go puts them on the wire.
     *
     * @throws IllegalArgumentException with Go's reason alone, for an authority url.Parse refuses where
     *                                  ParseRequestURI read a path ({@code //host:port/...})
     */
    public String pathAndQuery() {
        return sent(bytes);
    }

    /** url.ParseRequestURI: the parse of a request line, which takes no fragment and wants an absolute path. */
    private static void check(String uri) {
        for (int i = 0; i < uri.length(); i++) {
            if (uri.charAt(i) < ' ' || uri.charAt(i) == 0x7f) {
                throw new IllegalArgumentException("net/url: invalid control character in URL");
            }
        }
        if (uri.equals("*")) {
            return;
        }
        String[] schemeAndRest = scheme(uri);
        String rest = schemeAndRest[1];
        int question = rest.indexOf('?');
        if (rest.endsWith("?") && question == rest.length() - 1) {
            rest = rest.substring(0, rest.length() - 1);
        } else if (question >= 0) {
            rest = rest.substring(0, question);
        }
        boolean hasScheme = !schemeAndRest[0].isEmpty();
        if (!rest.startsWith("/")) {
            if (hasScheme) {
                // opaque, as in mailto:someone
                return;
            }
            throw new IllegalArgumentException("invalid URI for request");
        }
        if (hasScheme && rest.startsWith("//")) {
            rest = afterAuthority(rest);
        }
        unescape(rest, Mode.PATH);
    }

    /** url.Parse, as RequestURI reads the URI, and the path and query the request is sent with. */
    private static String sent(String uri) {
        int hash = uri.indexOf('#');
        String[] schemeAndRest = scheme(hash < 0 ? uri : uri.substring(0, hash));
        boolean hasScheme = !schemeAndRest[0].isEmpty();
        String rest = schemeAndRest[1];
        String query = "";
        int question = rest.indexOf('?');
        if (question >= 0) {
            query = rest.substring(question + 1);
            rest = rest.substring(0, question);
        }
        if (!rest.startsWith("/")) {
            // an opaque URI: no path for the request
            rest = "";
        } else if (rest.startsWith("//") && (hasScheme || !rest.startsWith("///"))) {
            rest = afterAuthority(rest);
        }
        String path = unescape(rest, Mode.PATH);
        StringBuilder out = new StringBuilder(path.isEmpty() ? "/" : escape(path, Mode.PATH));
        String separator = "?";
        for (Map.Entry<String, List<String>> parameter : parameters(query).entrySet()) {
            for (String value : parameter.getValue()) {
                out.append(separator).append(escape(parameter.getKey(), Mode.QUERY)).append('=')
                        .append(escape(value, Mode.QUERY));
                separator = "&";
            }
        }
        return out.toString();
    }

    /** Go's getScheme: {@code [scheme, rest]}, the scheme empty when there is none. */
    private static String[] scheme(String uri) {
        for (int i = 0; i < uri.length(); i++) {
            char c = uri.charAt(i);
            if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z') {
                continue;
            }
            if (c >= '0' && c <= '9' || c == '+' || c == '-' || c == '.') {
                if (i == 0) {
                    return new String[] {"", uri};
                }
                continue;
            }
            if (c == ':') {
                if (i == 0) {
                    throw new IllegalArgumentException("missing protocol scheme");
                }
                return new String[] {uri.substring(0, i), uri.substring(i + 1)};
            }
            return new String[] {"", uri};
        }
        return new String[] {"", uri};
    }

    /** Checks the {@code //user@host:port} part as Go's parseAuthority does and returns what follows it. */
    private static String afterAuthority(String rest) {
        String authority = rest.substring(2);
        int slash = authority.indexOf('/');
        String after = slash < 0 ? "" : authority.substring(slash);
        authority = slash < 0 ? authority : authority.substring(0, slash);
        int at = authority.lastIndexOf('@');
        String host = authority.substring(at + 1);
        String port = "";
        if (host.startsWith("[")) {
            int close = host.lastIndexOf(']');
            if (close < 0) {
                throw new IllegalArgumentException("missing ']' in host");
            }
            port = host.substring(close + 1);
        } else if (host.lastIndexOf(':') >= 0) {
            port = host.substring(host.lastIndexOf(':'));
        }
        if (!port.isEmpty() && !port.matches(":[0-9]*")) {
            throw new IllegalArgumentException("invalid port " + GoStrings.quote(port) + " after host");
        }
        unescape(host, Mode.HOST);
        if (at >= 0) {
            String user = authority.substring(0, at);
            if (!user.matches("[-A-Za-z0-9._~!$&'()*+,;=:@%]*")) {
                throw new IllegalArgumentException("net/url: invalid userinfo");
            }
            unescape(user, Mode.USER);
        }
        return after;
    }

    /** Go's Query(): {@code &}-separated pairs, those with a semicolon or a bad escape left out. */
    private static Map<String, List<String>> parameters(String query) {
        Map<String, List<String>> parameters = new TreeMap<>();
        for (String pair : query.split("&", -1)) {
            if (pair.isEmpty() || pair.contains(";")) {
                continue;
            }
            int equals = pair.indexOf('=');
            try {
                String key = unescape(equals < 0 ? pair : pair.substring(0, equals), Mode.QUERY);
                String value = unescape(equals < 0 ? "" : pair.substring(equals + 1), Mode.QUERY);
                parameters.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
            } catch (IllegalArgumentException e) {
                // Go's Query() drops what it cannot decode
            }
        }
        return parameters;
    }

    private enum Mode { PATH, HOST, USER, QUERY }

    private static String unescape(String text, Mode mode) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < text.length(); ) {
            char c = text.charAt(i);
            if (c == '%') {
                if (i + 2 >= text.length() || !isHex(text.charAt(i + 1)) || !isHex(text.charAt(i + 2))) {
                    String bad = text.substring(i, Math.min(text.length(), i + 3));
                    throw new IllegalArgumentException("invalid URL escape " + GoStrings.quote(bad));
                }
                int value = Integer.parseInt(text.substring(i + 1, i + 3), 16);
                if (mode == Mode.HOST && value < 0x80 && !text.startsWith("%25", i)) {
                    throw new IllegalArgumentException("invalid URL escape " + GoStrings.quote(text.substring(i, i + 3)));
                }
                out.append((char) value);
                i += 3;
                continue;
            }
            if (mode == Mode.HOST && c < 0x80 && shouldEscape(c, mode)) {
                throw new IllegalArgumentException("invalid character " + GoStrings.quote(String.valueOf(c))
                        + " in host name");
            }
            out.append(mode == Mode.QUERY && c == '+' ? ' ' : c);
            i++;
        }
        return out.toString();
    }

    private static boolean isHex(char c) {
        return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F';
    }

    /** Go's shouldEscape for the parts used here. */
    private static boolean shouldEscape(char c, Mode mode) {
        if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9') {
            return false;
        }
        if (mode == Mode.HOST && "!$&'()*+,;=:[]<>\"".indexOf(c) >= 0) {
            return false;
        }
        if ("-_.~".indexOf(c) >= 0) {
            return false;
        }
        if ("$&+,/:;=?@".indexOf(c) >= 0) {
            return switch (mode) {
                case USER -> c == '@' || c == '/' || c == '?' || c == ':';
                case PATH -> c == '?';
                default -> true;
            };
        }
        return true;
    }

    private static String escape(String bytes, Mode mode) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < bytes.length(); i++) {
            char c = bytes.charAt(i);
            if (mode == Mode.QUERY && c == ' ') {
                out.append('+');
            } else if (shouldEscape(c, mode)) {
                out.append('%').append(String.format("%02X", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
