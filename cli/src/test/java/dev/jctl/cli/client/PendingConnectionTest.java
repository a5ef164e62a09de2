package dev.jctl.cli.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.jctl.cli.testing.FakeApiServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A connection opened on a thread of its own behaves as one opened in place, failures included. */
class PendingConnectionTest {
    @TempDir
    Path dir;

    @Test
    void opensTheSameConnection() throws IOException {
        try (FakeApiServer server = FakeApiServer.start()) {
            server.reply("GET /api/v1/namespaces/team/configmaps", 200,
                    "{\"kind\":\"ConfigMapList\",\"apiVersion\":\"v1\",\"items\":[]}");
            ConnectionSettings settings = new ConnectionSettings(server.writeKubeconfig(dir), null, "team", dir);
            try (Connection pending = PendingConnection.start(settings).get();
                 Connection direct = Connection.open(settings)) {
                assertEquals(direct.server(), pending.server());
                assertEquals("team", pending.namespace());
                assertEquals(direct.get("/api/v1/namespaces/team/configmaps").toString(),
                        pending.get("/api/v1/namespaces/team/configmaps").toString());
            }
        }
    }

    @Test
    void failsAsOpeningInPlaceFails() throws IOException {
        Path broken = Files.writeString(dir.resolve("broken"), "apiVersion: v1\nkind: Config\nclusters: [\n");
        ConnectionSettings settings = new ConnectionSettings(broken, null, null, dir);
        RuntimeException direct = assertThrows(RuntimeException.class, () -> Connection.open(settings));
        RuntimeException pending = assertThrows(RuntimeException.class, () -> PendingConnection.start(settings).get());
        assertEquals(direct.getClass(), pending.getClass());
        assertEquals(direct.getMessage(), pending.getMessage());
    }
}
