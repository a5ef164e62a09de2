package dev.jctl.runtime.storage;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StorageFactoryTest {
    @TempDir
    Path dataDir;

    @Test
    void sqliteIsTheDefaultAndLivesInTheDataDir() {
        try (Storage storage = StorageFactory.open(null, dataDir, null)) {
            assertInstanceOf(SqliteStorage.class, storage);
            storage.create("/k", new byte[0]);
        }
        assertTrue(Files.exists(dataDir.resolve(StorageFactory.SQLITE_FILE)));
    }

    @Test
    void opensMemory() {
        try (Storage storage = StorageFactory.open("memory", dataDir, null)) {
            assertInstanceOf(MemoryStorage.class, storage);
        }
    }

    @Test
    void rejectsUnknownKindsAndEtcdWithoutEndpoints() {
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> StorageFactory.open("postgres", dataDir, null));
        assertTrue(unknown.getMessage().contains("sqlite, etcd or memory"));
        assertThrows(IllegalArgumentException.class, () -> StorageFactory.open("etcd", dataDir, " , "));
    }
}
