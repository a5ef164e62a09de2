package dev.jctl.runtime.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * CPU time of a process's live threads by thread id, from {@code /proc/<pid>/task/<tid>/stat}, so a phase's CPU
 * can be split into the JIT compilers' share and the rest: a freshly started JVM spends much of a short phase
 * compiling, which says nothing about what a request costs once the server has warmed up.
 */
final class ThreadCpu {
    private record Thread(String name, long millis) {
    }

    private final Map<Long, Thread> threads;

    private ThreadCpu(Map<Long, Thread> threads) {
        this.threads = threads;
    }

    static ThreadCpu of(long pid) {
        Map<Long, Thread> threads = new HashMap<>();
        try (Stream<Path> tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
            for (Path task : (Iterable<Path>) tasks::iterator) {
                try {
                    String stat = Files.readString(task.resolve("stat"));
                    String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                    // after "tid (comm) ": utime is field 14 and stime 15, in USER_HZ ticks (100 on Linux)
                    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    long millis = (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 10;
                    threads.put(Long.parseLong(task.getFileName().toString()), new Thread(name, millis));
                } catch (NoSuchFileException e) {
                    // the thread ended while the list was read
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new ThreadCpu(threads);
    }

    /** Milliseconds used since {@code before} by each group of threads (names without their numbers), busiest first. */
    Map<String, Long> millisByGroupSince(ThreadCpu before) {
        Map<String, Long> groups = new TreeMap<>();
        for (Map.Entry<Long, Thread> e : threads.entrySet()) {
            Thread earlier = before.threads.get(e.getKey());
            long millis = e.getValue().millis() - (earlier == null ? 0 : earlier.millis());
            if (millis > 0) {
                groups.merge(e.getValue().name().replaceAll("[0-9]+", "#"), millis, Long::sum);
            }
        }
        return groups;
    }

    /**
     * Milliseconds the JIT compiler threads used since {@code before}. HotSpot stops idle compiler threads, and the
     * time of one that stopped during the phase is lost here, so this share can only be under-counted.
     */
    long compilerMillisSince(ThreadCpu before) {
        long millis = 0;
        for (Map.Entry<Long, Thread> e : threads.entrySet()) {
            if (e.getValue().name().contains("CompilerThre")) {
                Thread earlier = before.threads.get(e.getKey());
                millis += e.getValue().millis() - (earlier == null ? 0 : earlier.millis());
            }
        }
        return millis;
    }
}
