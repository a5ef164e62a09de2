package dev.jctl.runtime.apiserver.openapi;

/** Go's encoding/base64 StdEncoding as the JSON decoder uses it for {@code []byte} fields (Secret data). */
final class GoBase64 {
    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

    private GoBase64() {
    }

    /**
     * The offset Go's base64.StdEncoding reports as CorruptInputError for {@code s}, or -1 when it decodes:
     * a port of encoding/base64's decodeQuantum (newlines skipped, padding required).
     */
    static int corruptAt(String s) {
        int n = s.length();
        int si = 0;
        while (true) {
            for (int j = 0; j < 4; j++) {
                if (si == n) {
                    return j == 0 ? -1 : si - j;
                }
                char in = s.charAt(si++);
                if (ALPHABET.indexOf(in) >= 0) {
                    continue;
                }
                if (in == '\n' || in == '\r') {
                    j--;
                    continue;
                }
                if (in != '=' || j < 2) {
                    return si - 1;
                }
                if (j == 2) {
                    si = skipNewlines(s, si);
                    if (si == n) {
                        return n;
                    }
                    if (s.charAt(si) != '=') {
                        return si - 1;
                    }
                    si++;
                }
                si = skipNewlines(s, si);
                return si < n ? si : -1;
            }
        }
    }

    private static int skipNewlines(String s, int si) {
        while (si < s.length() && (s.charAt(si) == '\n' || s.charAt(si) == '\r')) {
            si++;
        }
        return si;
    }
}
