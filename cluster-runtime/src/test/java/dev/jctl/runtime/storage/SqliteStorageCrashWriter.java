package dev.jctl.runtime.storage;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Child process of {@link SqliteStorageCrashTest}: writes from several threads until killed and prints
 * {@code <key> <revision>} for every create the store acknowledged.
 */
public final class SqliteStorageCrashWriter {
    private SqliteStorageCrashWriter() {
    }

    public static void main(String[] args) {
        Storage storage = new SqliteStorage(Path.of(args[0]));
        int threads = Integer.parseInt(args[1]);
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        for (int t = 0; t < threads; t++) {
            int thread = t;
            new Thread(() -> {
                for (int i = 0; ; i++) {
                    KeyValue kv = storage.create("/registry/crash/t" + thread + "-" + i, ("v" + i).getBytes());
                    out.println(kv.key() + " " + kv.modRevision());
                }
            }).start();
        }
    }
}
