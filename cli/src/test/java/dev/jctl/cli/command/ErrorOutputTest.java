package dev.jctl.cli.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jctl.cli.testing.CommandRun;
import dev.jctl.cli.testing.SideBySide;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What apply, diff and delete print when things go wrong, next to what the real kubectl prints for the same input:
 * several objects refused by the server in one run, unreadable or invalid manifests, kinds the server does not
 * serve, objects without a name, immutable fields. Each case writes its files twice, once per tool, with
 * {@code NS} standing for the tool's own namespace (which also names the tool's folder); outputs are compared once
 * both are written back as {@code NS} and {@code DIR}.
 *
 * <p>Two differences are deliberate. A file kubectl cannot read it reports, and applies (or deletes) the objects
 * around it, those before the bad document in the same file included; jctl says the same about the file and
 * changes nothing. And where kubectl does not validate (diff, delete), an object without an apiVersion is sent
 * to a URL without a version, which the server does not know; jctl says what is missing instead.
 */
class ErrorOutputTest extends SideBySide {
    private static final String CONFIG_MAP = """
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: %s
              namespace: NS
            """;
    private static final String DEPLOYMENT = """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: %s
              namespace: NS
            spec:
              selector:
                matchLabels: {app: %s}
              template:
                metadata:
                  labels: {app: %s}
                spec:
                  containers:
                  - name: app
                    image: %s
            """;
    private static final String SERVICE = """
            apiVersion: v1
            kind: Service
            metadata:
              name: front
              namespace: NS
            spec:
              clusterIP: 10.96.IPN.%d
              ports:
              - port: 80
            """;

    /** The two runs of one command line, kubectl's and jctl's. */
    private record Runs(CommandRun kubectl, CommandRun jctl) {
        /** The exit codes, standard outputs and standard errors are the same. */
        Runs assertSame() {
            assertEquals(kubectl.exit(), jctl.exit(), "exit code\n" + this);
            assertEquals(kubectl.out(), jctl.out(), "stdout\n" + this);
            return assertSameErrors();
        }

        /** The exit codes and standard errors are the same (what was changed may differ). */
        Runs assertSameErrors() {
            assertEquals(kubectl.exit(), jctl.exit(), "exit code\n" + this);
            assertEquals(kubectl.err(), jctl.err(), "stderr\n" + this);
            return this;
        }

        @Override
        public String toString() {
            return "kubectl: " + kubectl.describe() + "\njctl: " + jctl.describe();
        }
    }

    private enum Tool {
        KUBECTL("k", "100"), JCTL("j", "200");

        final String prefix;
        /** The third octet of the ClusterIPs the tool's Services ask for, which must not collide. */
        final String addresses;

        Tool(String prefix, String addresses) {
            this.prefix = prefix;
            this.addresses = addresses;
        }

        String namespace(String name) {
            return prefix + "-" + name;
        }

        Path folder(String name) {
            return dir.resolve(namespace(name));
        }
    }

    /** Creates the case's two namespaces and writes its files. */
    private static void prepare(String name, Map<String, String> files) {
        for (Tool tool : Tool.values()) {
            CommandRun created = kubectl().run(dir, List.of("create", "namespace", tool.namespace(name)));
            assertEquals(0, created.exit(), created.describe());
        }
        write(name, files);
    }

    /** Writes (or rewrites) the case's files for both tools. */
    private static void write(String name, Map<String, String> files) {
        for (Tool tool : Tool.values()) {
            files.forEach((file, text) -> {
                Path path = tool.folder(name).resolve(file);
                try {
                    Files.createDirectories(path.getParent());
                    Files.writeString(path, text.replace("NS", tool.namespace(name))
                            .replace("IPN", tool.addresses));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }

    /** Runs {@code args} with each tool, {@code DIR} standing for the case's folder and {@code NS} for its namespace. */
    private static Runs run(String name, String... args) {
        CommandRun[] runs = new CommandRun[2];
        for (Tool tool : Tool.values()) {
            List<String> toolArgs = new ArrayList<>();
            for (String arg : args) {
                toolArgs.add(arg.replace("DIR", tool.folder(name).toString()).replace("NS", tool.namespace(name)));
            }
            CommandRun run = tool == Tool.KUBECTL ? kubectl().run(dir, toolArgs) : jctl().run(toolArgs);
            String err = tool == Tool.KUBECTL ? WITHOUT_KLOG_WARNINGS.apply(run.err()) : run.err();
            runs[tool.ordinal()] = new CommandRun(run.exit(), normalize(run.out(), tool, name),
                    normalize(err, tool, name));
        }
        return new Runs(runs[0], runs[1]);
    }

    private static String normalize(String text, Tool tool, String name) {
        return text.replace(tool.folder(name).toString(), "DIR").replace(tool.namespace(name), "NS")
                .replace("10.96." + tool.addresses + ".", "10.96.X.");
    }

    /** Whether the object exists in the tool's namespace of the case. */
    private static boolean exists(Tool tool, String name, String kind, String object) {
        CommandRun get = kubectl().run(dir, List.of("get", kind, object, "-n", tool.namespace(name), "-o", "name"));
        assertTrue(get.exit() == 0 || get.err().contains("NotFound"), get.describe());
        return get.exit() == 0;
    }

    private static String deployment(String name, String label, String image) {
        return DEPLOYMENT.formatted(name, label, label, image);
    }

    @Test
    void objectsTheServerRefusesFailOneByOneWhileTheOthersAreApplied() {
        String all = String.join("---\n", CONFIG_MAP.formatted("first"),
                CONFIG_MAP.formatted("orphan").replace("namespace: NS", "namespace: NS-missing"),
                deployment("good", "good", "nginx"),
                deployment("mismatched", "one", "nginx").replace("labels: {app: one}", "labels: {app: two}"),
                deployment("noimage", "noimage", "nginx").replace("    image: nginx\n", ""));
        prepare("refused", Map.of("all.yaml", all, "single.yaml", deployment("alone", "one", "")));

        Runs applied = run("refused", "apply", "-f", "DIR/all.yaml").assertSame();
        assertEquals("configmap/first created\ndeployment.apps/good created\n", applied.jctl().out());
        assertEquals("""
                Error from server (NotFound): error when creating "DIR/all.yaml": namespaces "NS-missing" not found
                Error from server (Invalid): error when creating "DIR/all.yaml": Deployment.apps "mismatched" is \
                invalid: spec.template.metadata.labels: Invalid value: map[string]string{"app":"two"}: `selector` \
                does not match template `labels`
                Error from server (Invalid): error when creating "DIR/all.yaml": Deployment.apps "noimage" is \
                invalid: spec.template.spec.containers[0].image: Required value
                """, applied.jctl().err());
        run("refused", "apply", "-f", "DIR/all.yaml").assertSame();
        // One error alone is printed in its own form, an Invalid one with its causes and without the context.
        Runs alone = run("refused", "apply", "-f", "DIR/single.yaml").assertSame();
        assertTrue(alone.jctl().err().startsWith("The Deployment \"alone\" is invalid: "), alone.toString());
        run("refused", "apply", "-f", "DIR/all.yaml", "--dry-run=server").assertSame();
        run("refused", "apply", "-f", "DIR/all.yaml", "--server-side").assertSame();

        Runs diff = run("refused", "diff", "-f", "DIR/all.yaml").assertSame();
        assertEquals(2, diff.jctl().exit(), diff.toString());
        run("refused", "diff", "-f", "DIR/single.yaml").assertSame();
    }

    @Test
    void immutableFieldsAreRefusedWithThePatchThatWouldHaveChangedThem() {
        String services = SERVICE.formatted(10);
        prepare("immutable", Map.of("app.yaml", services + "---\n" + deployment("web", "web", "nginx")));
        run("immutable", "apply", "-f", "DIR/app.yaml").assertSame();

        write("immutable", Map.of("service.yaml", SERVICE.formatted(11),
                "app.yaml", SERVICE.formatted(11) + "---\n" + deployment("web", "web2", "nginx:1.27")));
        Runs single = run("immutable", "apply", "-f", "DIR/service.yaml").assertSame();
        assertTrue(single.jctl().err().startsWith("The Service \"front\" is invalid: spec.clusterIPs[0]: "),
                single.toString());
        Runs both = run("immutable", "apply", "-f", "DIR/app.yaml").assertSame();
        assertTrue(both.jctl().err().startsWith("Error from server (Invalid): error when applying patch:\n{"),
                both.toString());
        assertTrue(both.jctl().err().contains("for: \"DIR/app.yaml\": error when patching \"DIR/app.yaml\": "
                + "Deployment.apps \"web\" is invalid: spec.selector: "), both.toString());
        run("immutable", "diff", "-f", "DIR/app.yaml").assertSame();
        run("immutable", "diff", "-f", "DIR/app.yaml", "--server-side").assertSame();
    }

    @Test
    void kindsTheServerDoesNotServeAndObjectsWithoutANameFailAlone() {
        String gizmo = "apiVersion: example.com/v1\nkind: Gizmo\nmetadata:\n  name: %s\n";
        String all = String.join("---\n", CONFIG_MAP.formatted("before"), gizmo.formatted("g1"),
                "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  labels: {tier: web}\n",
                "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  generateName: gen-\n",
                gizmo.formatted("g2"), CONFIG_MAP.formatted("after"));
        String elsewhere = CONFIG_MAP.formatted("elsewhere").replace("namespace: NS", "namespace: other");
        prepare("unserved", Map.of("all.yaml", all, "mixed.yaml", String.join("---\n", gizmo.formatted("g3"),
                elsewhere, CONFIG_MAP.formatted("fine"), CONFIG_MAP.formatted("bad").replace("name: bad",
                        "name: bad\n  labels: {\"-x\": \"v\"}"))));

        Runs applied = run("unserved", "apply", "-f", "DIR/all.yaml").assertSame();
        assertEquals("configmap/before created\nconfigmap/after created\n", applied.jctl().out());
        run("unserved", "apply", "-f", "DIR/all.yaml", "--server-side").assertSame();
        // The namespace refused by -n comes first, then the unserved kinds as one line, then the server's refusal.
        Runs mixed = run("unserved", "apply", "-f", "DIR/mixed.yaml", "-n", "NS").assertSame();
        assertTrue(mixed.jctl().err().startsWith("[the namespace from the provided object \"other\" does not match"),
                mixed.toString());
        run("unserved", "diff", "-f", "DIR/all.yaml").assertSame();
        run("unserved", "diff", "-f", "DIR/mixed.yaml", "-n", "NS").assertSame();

        Runs deleted = run("unserved", "delete", "-f", "DIR/all.yaml").assertSame();
        assertEquals("configmap \"before\" deleted\nconfigmap \"after\" deleted\n", deleted.jctl().out());
        run("unserved", "delete", "-f", "DIR/mixed.yaml", "-n", "NS").assertSame();
    }

    @Test
    void unreadableFilesAreReportedAsKubectlReportsThemAndNothingIsApplied() {
        prepare("unreadable", Map.ofEntries(
                Map.entry("dir/a.yaml", CONFIG_MAP.formatted("a")),
                Map.entry("dir/b-flow.yaml", CONFIG_MAP.formatted("b1") + "---\n# second\n"
                        + "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: b2\n  labels: [unclosed\n"),
                Map.entry("dir/c-nokind.yaml", "apiVersion: v1\nmetadata:\n  name: c\n"),
                Map.entry("dir/d-indent.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: d\n   x: y\n"),
                Map.entry("dir/e-tab.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n\tname: e\n"),
                Map.entry("dir/f-separator.yaml", CONFIG_MAP.formatted("f") + "--- extra\n"),
                Map.entry("dir/g-quote.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: \"g\n"),
                Map.entry("dir/h-dedent.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n    name: h\n  x: {}\n"),
                Map.entry("dir/i-sequence.yaml", "apiVersion: v1\nkind: ConfigMap\ndata:\n  - a\n  b: c\n"),
                Map.entry("dir/j-colon.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: j\n  labels\n"
                        + "data:\n  a: b\n"),
                Map.entry("dir/k-anchor.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: *nowhere\n"),
                Map.entry("dir/l-list.yaml", "- apiVersion: v1\n- kind: ConfigMap\n"),
                Map.entry("dir/m-nothing.yaml", "metadata:\n  name: m\n"),
                Map.entry("dir/n-escape.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: \"n\\q\"\n"),
                Map.entry("dir/o-anchor.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: &\n"),
                Map.entry("dir/z.yaml", CONFIG_MAP.formatted("z")),
                Map.entry("one.yaml", CONFIG_MAP.formatted("one") + "---\nkind: ConfigMap\nmetadata:\n  name: two\n")));

        Runs applied = run("unreadable", "apply", "-f", "DIR/dir").assertSameErrors();
        assertEquals(List.of("configmap/a created", "configmap/b1 created", "configmap/z created"),
                applied.kubectl().out().lines().toList(), applied.toString());
        assertEquals("", applied.jctl().out());
        assertTrue(applied.jctl().err().startsWith("error parsing DIR/dir/b-flow.yaml: error converting YAML to "
                + "JSON: yaml: line 6: did not find expected ',' or ']'\nerror validating \"DIR/dir/c-nokind.yaml\": "
                + "error validating data: kind not set; if you choose"), applied.toString());
        for (String name : List.of("a", "b1", "z")) {
            assertTrue(exists(Tool.KUBECTL, "unreadable", "configmap", name), name);
            assertTrue(!exists(Tool.JCTL, "unreadable", "configmap", name), "jctl applied nothing, yet " + name);
        }
        Runs one = run("unreadable", "apply", "-f", "DIR/one.yaml").assertSameErrors();
        assertTrue(one.jctl().err().startsWith("error: error validating \"DIR/one.yaml\": error validating data: "
                + "apiVersion not set; if you choose"), one.toString());
        assertTrue(exists(Tool.KUBECTL, "unreadable", "configmap", "one"));
        assertTrue(!exists(Tool.JCTL, "unreadable", "configmap", "one"));

        // diff stops at the first error and shows no difference; delete reads without validation.
        run("unreadable", "diff", "-f", "DIR/dir").assertSame();
        Runs noVersion = run("unreadable", "diff", "-f", "DIR/one.yaml");
        assertEquals(noVersion.kubectl().exit(), noVersion.jctl().exit(), noVersion.toString());
        assertEquals("error: unable to decode \"DIR/one.yaml\": Object 'apiVersion' is missing in "
                + "'{\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"two\"}}'\n", noVersion.jctl().err());
        Runs deleted = run("unreadable", "delete", "-f", "DIR/dir", "--ignore-not-found").assertSameErrors();
        assertEquals("", deleted.jctl().out());
        assertTrue(!deleted.kubectl().out().isEmpty(), deleted.toString());
    }

    @Test
    void deleteReportsWhatIsNotFoundUnlessToldToIgnoreIt() {
        String all = String.join("---\n", CONFIG_MAP.formatted("d1"), CONFIG_MAP.formatted("gone"),
                CONFIG_MAP.formatted("d2"), CONFIG_MAP.formatted("gone2"));
        prepare("notfound", Map.of("all.yaml", all, "present.yaml",
                CONFIG_MAP.formatted("d1") + "---\n" + CONFIG_MAP.formatted("d2"),
                "empty.yaml", "# nothing here\n"));
        run("notfound", "apply", "-f", "DIR/present.yaml").assertSame();
        Runs deleted = run("notfound", "delete", "-f", "DIR/all.yaml").assertSame();
        assertEquals("configmap \"d1\" deleted\nconfigmap \"d2\" deleted\n", deleted.jctl().out());
        assertEquals("""
                Error from server (NotFound): error when deleting "DIR/all.yaml": configmaps "gone" not found
                Error from server (NotFound): error when deleting "DIR/all.yaml": configmaps "gone2" not found
                """, deleted.jctl().err());
        run("notfound", "delete", "-f", "DIR/all.yaml").assertSame();
        run("notfound", "apply", "-f", "DIR/present.yaml").assertSame();
        run("notfound", "delete", "-f", "DIR/all.yaml", "--ignore-not-found").assertSame();
        run("notfound", "delete", "-f", "DIR/all.yaml", "--ignore-not-found").assertSame();
        Runs empty = run("notfound", "delete", "-f", "DIR/empty.yaml").assertSame();
        assertEquals("No resources found\n", empty.jctl().out());
    }
}
