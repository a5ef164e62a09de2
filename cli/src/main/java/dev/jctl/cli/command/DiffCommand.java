package dev.jctl.cli.command;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jctl.cli.apply.Applier;
import dev.jctl.cli.apply.ApplyOptions;
import dev.jctl.cli.apply.Differ;
import dev.jctl.cli.apply.ManifestSources;
import dev.jctl.cli.client.Connection;
import dev.jctl.cli.client.Discovery;
import dev.jctl.cli.client.OpenApiDocuments;
import dev.jctl.cli.client.PendingConnection;
import dev.jctl.diff.io.YamlWriter;
import dev.jctl.diff.render.ObjectPair;
import dev.jctl.diff.render.UnifiedDiff;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code jctl diff -f PATH}: the difference between the live objects and what {@code apply} would make of them.
 * Exit 0 when there is none, 1 when there is, 2 on error, like kubectl diff. {@code KUBECTL_EXTERNAL_DIFF} names a
 * program to run on two directories (LIVE, MERGED) holding one YAML file per object, as kubectl does.
 */
@Command(name = "diff", description = {"Diff the live objects against the ones apply would make of -f.",
        "Exit status: 0 no differences, 1 differences found, 2 an error."})
public final class DiffCommand implements Callable<Integer> {
    static final int EXIT_ERROR = 2;

    @Spec
    private CommandSpec spec;

    @Mixin
    private ConnectionOptions connectionOptions;

    @Option(names = {"-f", "--filename"}, paramLabel = "PATH", required = true,
            description = "The files, directories or URLs that contain the configuration to diff; - for stdin.")
    private List<String> filenames = new ArrayList<>();

    @Option(names = {"-R", "--recursive"}, description = "Process the directories of -f recursively.")
    private boolean recursive;

    @Option(names = "--server-side", description = "Diff what server-side apply would do.")
    private boolean serverSide;

    @Option(names = "--force-conflicts", description = "With --server-side, take over fields other managers own.")
    private boolean forceConflicts;

    @Option(names = "--field-manager", paramLabel = "NAME", description = "The field manager of the dry-run apply.")
    private String fieldManager;

    @Option(names = "--concurrency", paramLabel = "N", defaultValue = "" + ApplyOptions.DEFAULT_CONCURRENCY,
            description = "How many objects to diff at once, as kubectl diff's flag (whose default is 1); the diff is "
                    + "printed in input order whatever this is (default: ${DEFAULT-VALUE}).")
    private int concurrency;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        PendingConnection pending = PendingConnection.start(connectionOptions.settings(spec));
        try {
            ManifestSources.Reading reading;
            try {
                reading = new ManifestSources(System.in).readAll(filenames, recursive, false);
            } catch (RuntimeException e) {
                pending.abandon();
                throw e;
            }
            if (!reading.errors().isEmpty()) {
                pending.abandon();
                return failed(err, reading.errors().get(0));
            }
            Differ.Outcome outcome;
            try (Connection connection = pending.get()) {
                Applier applier = new Applier(connection, new Discovery(connection),
                        new OpenApiDocuments(connection), err);
                outcome = new Differ(applier).diff(reading.manifests(), ApplyOptions.defaults()
                        .withServerSide(serverSide, forceConflicts).withFieldManager(fieldManager)
                        .withConcurrency(concurrency));
            }
            // kubectl diff stops at its first error, before it shows any difference.
            if (!outcome.errors().isEmpty()) {
                return failed(err, outcome.errors().get(0));
            }
            return show(outcome.pairs(), out, err);
        } catch (RuntimeException e) {
            return failed(err, e);
        } catch (IOException e) {
            return failed(err, new UncheckedIOException(e.getMessage(), e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return EXIT_ERROR;
        }
    }

    /** kubectl's CheckDiffErr: the error as checkErr prints it, and an exit code above diff's 1. */
    private static int failed(PrintWriter err, RuntimeException error) {
        Failures failures = new Failures();
        failures.add(error);
        return failures.print(err, EXIT_ERROR);
    }

    private int show(List<ObjectPair> pairs, PrintWriter out, PrintWriter err) throws IOException,
            InterruptedException {
        String external = System.getenv("KUBECTL_EXTERNAL_DIFF");
        if (external != null && !external.isBlank()) {
            return external(external, pairs, out, err);
        }
        UnifiedDiff renderer = UnifiedDiff.kubectlStyle(GlobalOptions.of(spec).colour());
        boolean differs = false;
        for (ObjectPair pair : pairs) {
            String text = renderer.render(pair);
            if (!text.isEmpty()) {
                differs = true;
                out.print(text);
            }
        }
        out.flush();
        return differs ? 1 : 0;
    }

    /** kubectl's layout: LIVE-* and MERGED-* directories, one {@code [group.]version.Kind.namespace.name} file each. */
    private int external(String command, List<ObjectPair> pairs, PrintWriter out, PrintWriter err)
            throws IOException, InterruptedException {
        Path live = Files.createTempDirectory("LIVE-");
        Path merged = Files.createTempDirectory("MERGED-");
        try {
            for (ObjectPair pair : pairs) {
                JsonNode named = pair.after() != null ? pair.after() : pair.before();
                String name = UnifiedDiff.objectName(named);
                write(live.resolve(name), pair.before());
                write(merged.resolve(name), pair.after());
            }
            List<String> argv = new ArrayList<>(Arrays.asList(command.trim().split("\\s+")));
            argv.add(live.toString());
            argv.add(merged.toString());
            Process process = new ProcessBuilder(argv).start();
            process.getOutputStream().close();
            Thread errors = new Thread(() -> copy(process.getErrorStream(), err));
            errors.start();
            copy(process.getInputStream(), out);
            int code = process.waitFor();
            errors.join();
            if (code > 1) {
                err.println("error: " + argv.get(0) + " exited with status " + code);
                return EXIT_ERROR;
            }
            return code;
        } finally {
            deleteTree(live);
            deleteTree(merged);
        }
    }

    private static void write(Path file, JsonNode object) throws IOException {
        if (object != null) {
            Files.writeString(file, YamlWriter.sortedKeys().write(object), StandardCharsets.UTF_8);
        }
    }

    private static void copy(java.io.InputStream in, PrintWriter to) {
        try {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            synchronized (to) {
                to.print(text);
                to.flush();
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (var files = Files.walk(dir)) {
            for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
