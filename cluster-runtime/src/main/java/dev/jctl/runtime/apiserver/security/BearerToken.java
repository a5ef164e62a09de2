package dev.jctl.runtime.apiserver.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;

/** The cluster-admin bearer token: generated once into {@code <dataDir>/token}, compared in constant time. */
public final class BearerToken {
    private final String token;

    private BearerToken(String token) {
        this.token = token;
    }

    public static BearerToken loadOrCreate(Path dataDir) {
        Path file = dataDir.resolve("token");
        try {
            if (!Files.exists(file)) {
                byte[] random = new byte[32];
                new SecureRandom().nextBytes(random);
                SecretFiles.write(file, HexFormat.of().formatHex(random) + "\n");
            }
            return new BearerToken(Files.readString(file).trim());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String value() {
        return token;
    }

    /** Whether an {@code Authorization} header value carries this token. */
    public boolean accepts(String authorizationHeader) {
        if (authorizationHeader == null || !authorizationHeader.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return false;
        }
        byte[] presented = authorizationHeader.substring(7).trim().getBytes(StandardCharsets.UTF_8);
        return MessageDigest.isEqual(presented, token.getBytes(StandardCharsets.UTF_8));
    }
}
