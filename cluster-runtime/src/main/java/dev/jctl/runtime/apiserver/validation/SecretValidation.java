package dev.jctl.runtime.apiserver.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jctl.runtime.apiserver.ApiException;

import java.util.Iterator;
import java.util.Map;

/**
 * Secret {@code data} values are {@code []byte} in Go, so kube-apiserver decodes them as standard base64 and a
 * bad value fails decoding: 400 BadRequest (not 422), with Go's base64 error and its byte offset.
 */
final class SecretValidation {
    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

    private SecretValidation() {
    }

    static void validate(ObjectNode secret) {
        for (Iterator<Map.Entry<String, JsonNode>> it = secret.path("data").fields(); it.hasNext(); ) {
            JsonNode value = it.next().getValue();
            int offset = value.isTextual() ? corruptAt(value.asText()) : -1;
            if (offset >= 0) {
                throw ApiException.badRequest("Secret in version \"v1\" cannot be handled as a Secret: illegal base64"
                        + " data at input byte " + offset);
            }
        }
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
