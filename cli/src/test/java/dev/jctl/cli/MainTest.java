package dev.jctl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jctl.cli.command.GlobalOptions;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The whole command line, in process: what a user sees on stdout and stderr, and the exit code. */
class MainTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private record Run(int exitCode, String out, String err) {
    }

    private static Run run(String... args) {
        return run(Main.commandLine(), args);
    }

    private static Run run(CommandLine cli, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int code = cli.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    /** main builds only the command it runs; what a user sees must be what the full command line shows. */
    @Test
    void theCommandLineOfOneCommandBehavesAsTheFullOne() {
        for (String name : Main.commandLine().getSubcommands().keySet()) {
            for (String[] args : new String[][] {{name, "--help"}, {name, "--no-such-flag"}, {name, "-n"}}) {
                Run full = run(Main.commandLine(), args);
                Run lean = run(Main.commandLine(args), args);
                if (!name.equals("completion")) {
                    assertEquals(1, Main.commandLine(args).getSubcommands().size(), String.join(" ", args));
                }
                assertEquals(full, lean, String.join(" ", args));
            }
        }
        Run lean = run(Main.commandLine("cluster", "up", "--help"), "cluster", "up", "--help");
        assertEquals(run(Main.commandLine(), "cluster", "up", "--help"), lean);
        assertTrue(lean.out().contains("--data-dir"), lean.out());
    }

    @Test
    void helpTyposAndOptionsFirstGetEveryCommand() {
        for (String[] args : new String[][] {{}, {"--help"}, {"gett"}, {"-n", "x", "get"}, {"help"},
                {"completion", "bash"}}) {
            assertEquals(Main.commandLine().getSubcommands().keySet(),
                    Main.commandLine(args).getSubcommands().keySet(), String.join(" ", args));
        }
        Run completion = run(Main.commandLine("completion", "bash"), "completion", "bash");
        assertEquals(run(Main.commandLine(), "completion", "bash"), completion);
        assertTrue(completion.out().contains("get"), "the script completes every command");
        Run typo = run(Main.commandLine("gett"), "gett");
        assertEquals(2, typo.exitCode());
        assertTrue(typo.err().contains("unknown command \"gett\" for \"jctl\""), typo.err());
        assertTrue(typo.err().contains("get"), typo.err());
    }

    @Test
    void versionNamesTheVersionTheCommitAndTheJava() {
        Run run = run("version");
        assertEquals(0, run.exitCode(), run.err());
        String[] lines = run.out().split("\n");
        assertEquals(3, lines.length, run.out());
        assertTrue(lines[0].matches("Client Version: v\\d+\\.\\d+\\.\\d+.*"), lines[0]);
        assertTrue(lines[1].matches("Git Commit: ([0-9a-f]{40}( \\(dirty\\))?|unknown)"), lines[1]);
        assertTrue(lines[2].startsWith("Java Version: " + System.getProperty("java.version")), lines[2]);
    }

    @Test
    void versionAsJsonAndYaml() throws IOException {
        Run json = run("version", "-o", "json");
        assertEquals(0, json.exitCode(), json.err());
        JsonNode client = JSON.readTree(json.out()).get("clientVersion");
        assertTrue(client.get("gitVersion").asText().startsWith("v"), json.out());
        assertEquals(System.getProperty("java.version"), client.get("javaVersion").asText());

        Run yaml = run("version", "-o", "yaml");
        assertTrue(yaml.out().startsWith("clientVersion:\n  gitCommit: "), yaml.out());

        Run bad = run("version", "-o", "xml");
        assertEquals(2, bad.exitCode());
        assertTrue(bad.err().startsWith("error: --output must be 'yaml' or 'json'\n"), bad.err());
    }

    @Test
    void everyCommandHasHelp() {
        CommandLine cli = Main.commandLine();
        for (String name : cli.getSubcommands().keySet()) {
            Run run = run(name, "--help");
            assertEquals(0, run.exitCode(), name + ": " + run.err());
            assertTrue(run.out().startsWith("Usage: jctl " + name), name + ": " + run.out());
            assertTrue(run.out().contains("--kubeconfig=FILE") && run.out().contains("--no-color"),
                    "global options listed for " + name);
        }
        Run root = run();
        assertEquals(0, root.exitCode());
        assertTrue(root.out().contains("Commands:") && root.out().contains("version"), root.out());
    }

    @Test
    void globalOptionsWorkBeforeAndAfterTheCommand() {
        CommandLine after = Main.commandLine();
        assertEquals(0, run(after, "version", "-n", "team", "-v=8", "--context", "kind", "--kubeconfig", "/k").exitCode());
        GlobalOptions options = GlobalOptions.of(after.getSubcommands().get("version").getCommandSpec());
        assertEquals("team", options.namespace());
        assertEquals(8, options.verbosity());
        assertEquals("kind", options.context());
        assertEquals(Path.of("/k"), options.kubeconfig());

        CommandLine before = Main.commandLine();
        assertEquals(0, run(before, "--namespace=prod", "-v", "3", "--no-color", "version").exitCode());
        GlobalOptions early = GlobalOptions.of(before.getSubcommands().get("version").getCommandSpec());
        assertEquals("prod", early.namespace());
        assertEquals(3, early.verbosity());
        assertEquals(false, early.colour());
    }

    @Test
    void usageErrorsExitWithTwoAndPointToHelp() {
        Run unknown = run("frobnicate");
        assertEquals(2, unknown.exitCode());
        assertTrue(unknown.err().startsWith("error: unknown command \"frobnicate\" for \"jctl\"\n"), unknown.err());
        assertTrue(unknown.err().endsWith("See 'jctl --help' for usage.\n"), unknown.err());

        Run option = run("version", "--bogus");
        assertEquals(2, option.exitCode());
        assertTrue(option.err().contains("See 'jctl version --help' for usage."), option.err());
    }

    @Test
    void patchLocalPrintsLikeKubectl() throws IOException {
        Path manifest = Files.writeString(dir.resolve("deployment.yaml"), resource("deployment.yaml"));
        String deleteSidecar = "{\"spec\":{\"template\":{\"spec\":{\"containers\":[{\"name\":\"sidecar\",\"$patch\":\"delete\"}]}}}}";

        Run patched = run("patch", "--local", "-f", manifest.toString(), "-p", deleteSidecar);
        assertEquals(new Run(0, "deployment.apps/web patched\n", ""), patched);

        Run yaml = run("patch", "--local", "-f", manifest.toString(), "-p", deleteSidecar, "-o", "yaml");
        assertEquals(new Run(0, resource("delete-container.yaml"), ""), yaml);

        Run unchanged = run("patch", "--local", "-f", manifest.toString(), "--type", "merge", "-p", "{}", "-o", "name");
        assertEquals(new Run(0, "deployment.apps/web\n", ""), unchanged);

        java.io.InputStream stdin = System.in;
        try {
            System.setIn(new java.io.ByteArrayInputStream(Files.readAllBytes(manifest)));
            assertEquals(new Run(0, resource("delete-container.yaml"), ""),
                    run("patch", "--local", "-f", "-", "-p", deleteSidecar, "-o", "yaml"), "-f - reads standard input");
        } finally {
            System.setIn(stdin);
        }

        Path patchFile = Files.writeString(dir.resolve("patch.yaml"), "spec:\n  replicas: 7\n");
        Run fromFile = run("patch", "--local", "-f", manifest.toString(), "--patch-file", patchFile.toString(), "-o", "json");
        assertEquals(0, fromFile.exitCode(), fromFile.err());
        assertTrue(fromFile.out().contains("\n        \"replicas\": 7,\n"), "kubectl's 4-space JSON: " + fromFile.out());
    }

    @Test
    void patchFailuresExitWithOneAsKubectls() throws IOException {
        Path manifest = Files.writeString(dir.resolve("deployment.yaml"), resource("deployment.yaml"));

        Run badPatch = run("patch", "--local", "-f", manifest.toString(), "--type", "json", "-p",
                "[{\"op\":\"remove\",\"path\":\"/nope\"}]");
        assertEquals(1, badPatch.exitCode());
        assertTrue(badPatch.err().startsWith("error: ") && badPatch.out().isEmpty(), badPatch.err());

        Run missingFile = run("patch", "--local", "-f", dir.resolve("none.yaml").toString(), "-p", "{}");
        assertEquals(1, missingFile.exitCode());
        assertTrue(missingFile.err().contains("none.yaml\" does not exist"), missingFile.err());

        // kubectl's Validate errors are errors, not usage errors: exit code 1 and no pointer to --help.
        Run noPatch = run("patch", "--local", "-f", manifest.toString());
        assertEquals(new Run(1, "", "error: must specify --patch or --patch-file containing the contents of the patch\n"),
                noPatch);

        Run badType = run("patch", "--local", "-f", manifest.toString(), "--type", "foo", "-p", "{}");
        assertEquals(new Run(1, "", "error: --type must be one of [json merge strategic], not \"foo\"\n"), badType);
    }

    @Test
    void completionScriptsLoadInBashAndComplete() throws Exception {
        Run bash = run("completion", "bash");
        assertEquals(0, bash.exitCode(), bash.err());
        assertEquals(bash.out(), run("completion", "zsh").out(), "zsh uses the same script through bashcompinit");
        Run fish = run("completion", "fish");
        assertEquals(2, fish.exitCode());
        assertTrue(fish.err().startsWith("error: Unsupported shell type \"fish\"."), fish.err());

        assumeTrue(Files.isExecutable(Path.of("/bin/bash")), "bash not installed: script not sourced");
        Path script = Files.writeString(dir.resolve("jctl.bash"), bash.out());
        Process shell = new ProcessBuilder("/bin/bash", "-c", "source \"$1\" && COMP_WORDS=(jctl pat) COMP_CWORD=1"
                + " COMP_LINE='jctl pat' COMP_POINT=8 && _complete_jctl 2>/dev/null && echo \"${COMPREPLY[*]}\"", "bash",
                script.toString()).redirectErrorStream(true).start();
        String output = new String(shell.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(shell.waitFor(30, TimeUnit.SECONDS));
        assertEquals("patch\n", output);
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = MainTest.class.getResourceAsStream("/patch/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
