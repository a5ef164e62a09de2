package dev.jctl.cli.command;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jctl.cli.testing.CommandRun;
import dev.jctl.cli.testing.SideBySide;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code -o go-template=}, {@code go-template-file=}, {@code template}, {@code --template} side by side with the
 * real kubectl against the project's API server: the same command line must print the same stdout (the template's
 * output, and when it fails kubectl's debugging block with the raw object), the same stderr and exit alike.
 */
class GoTemplateOutputTest extends SideBySide {
    private static final String OBJECTS = """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: web
              labels: {app: web, tier: front, z-last: "1"}
            spec:
              replicas: 3
              selector:
                matchLabels: {app: web}
              template:
                metadata:
                  labels: {app: web}
                spec:
                  containers:
                  - {name: app, image: "nginx:1.25", ports: [{containerPort: 80}, {containerPort: 443}]}
                  - {name: side, image: "busybox:1.36"}
            ---
            apiVersion: v1
            kind: Service
            metadata:
              name: web
            spec:
              selector: {app: web}
              ports:
              - {port: 80}
            ---
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: settings
              labels: {app: web}
              annotations: {note: "<b>&'\\"</b>"}
            data: {mode: fast, "weight": "0.5"}
            ---
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: empty
            ---
            apiVersion: v1
            kind: Secret
            metadata:
              name: creds
            data:
              password: aGVsbG8gd29ybGQ=
            """;

    /**
     * Namespaces differ between the twins, and so do the identities, resourceVersions and times of their objects,
     * which a failing template shows as JSON ({@code "uid":"..."}) and as a Go map ({@code uid:...}).
     */
    private static final UnaryOperator<String> TWINS = text -> text
            .replaceAll("\\bgt-[kj]\\b", "NS")
            .replaceAll("(resourceVersion\"?:\"?)\\d+", "$1RV")
            .replaceAll("(uid\"?:\"?)[0-9a-f-]{36}", "$1UID")
            .replaceAll("((?:Timestamp|time)\"?:\"?)\\d{4}-\\d\\d-\\d\\dT[\\d:]+Z", "$1TIME");

    @BeforeAll
    static void objects() throws Exception {
        Path file = dir.resolve("objects.yaml");
        Files.writeString(file, OBJECTS);
        for (String namespace : List.of("gt", "gt-k", "gt-j")) {
            CommandRun created = kubectl().run(dir, List.of("create", "namespace", namespace));
            assertEquals(0, created.exit(), created.describe());
            CommandRun applied = kubectl().run(dir, List.of("apply", "-f", file.toString(), "-n", namespace));
            assertEquals(0, applied.exit(), applied.describe());
        }
    }

    /** Runs {@code get ARGS -n gt} with kubectl and with jctl; both must answer alike. */
    private static void get(String... args) {
        String[] all = new String[args.length + 1];
        all[0] = "get";
        System.arraycopy(args, 0, all, 1, args.length);
        assertSame("gt", "gt", UnaryOperator.identity(), all);
    }

    @Test
    void listsSingleObjectsAndSeveralTypes() {
        get("cm", "-o", "go-template={{range .items}}{{.metadata.name}}{{\"\\n\"}}{{end}}");
        get("deploy", "web", "-o", "go-template={{.metadata.name}} replicas={{.spec.replicas}} "
                + "{{printf \"%05d|%-6s|%v|%T\" .spec.replicas .kind .spec.replicas .spec.replicas}}{{\"\\n\"}}");
        get("deploy,svc", "-o", "go-template={{range .items}}{{.kind}}/{{.metadata.name}} {{end}}");
        get("cm", "-l", "app=web", "-o", "go-template={{range .items}}{{.metadata.name}}:{{.data}}{{end}}");
        get("cm", "-o", "go-template={{.kind}} {{len .items}} {{.metadata}}");
    }

    @Test
    void rangesOverMapsAndBranches() {
        get("deploy", "web", "-o", "go-template={{range $k, $v := .metadata.labels}}{{$k}}={{$v}};{{end}}");
        get("deploy", "web", "-o", "go-template={{range $i, $c := .spec.template.spec.containers}}"
                + "{{$i}}:{{$c.name}}{{range $c.ports}} {{.containerPort}}{{else}} none{{end}}\n{{end}}");
        get("cm", "-o", "go-template={{range .items}}{{if .data}}{{.metadata.name}} has {{len .data}}"
                + "{{else}}{{.metadata.name}} is empty{{end}}\n{{end}}");
        get("cm", "settings", "-o", "go-template={{with .data.mode}}mode={{.}}{{end}} "
                + "{{- with .data.nope}}x{{else with .data.weight}} weight={{.}}{{else}}none{{end}}\n");
        get("cm", "settings", "-o", "go-template={{html .metadata.annotations.note}} {{js .metadata.annotations.note}} "
                + "{{eq .data.mode \"fast\"}} {{exists . \"data\" \"mode\"}}");
    }

    @Test
    void missingFieldsAndKubectlFunctions() {
        get("cm", "settings", "-o", "go-template={{.metadata.nope}} {{.spec.x.y}} {{index .data \"nope\"}}");
        get("secret", "creds", "-o", "go-template={{.data.password | base64decode}}{{\"\\n\"}}");
        get("cm", "settings", "--allow-missing-template-keys=false", "-o", "go-template={{.data.mode}} {{.data.nope}}");
    }

    @Test
    void failingTemplatesPrintKubectlsDebuggingBlock() {
        get("cm", "settings", "-o", "go-template={{.metadata.name.x}}");
        get("cm", "-o", "go-template={{range .items}}{{.metadata.name}} {{len .data}}{{end}}");
        get("deploy", "web", "-o", "go-template={{eq .spec.replicas 1.5}}");
        get("cm", "settings", "-o", "go-template={{.metadata.name");
        get("cm", "settings", "-o", "go-template={{nosuch .x}}");
        get("cm", "settings", "-o", "go-template=");
        get("cm", "nope", "-o", "go-template={{.metadata.name}}");
    }

    @Test
    void templateFilesAndTheTemplateFlag() throws Exception {
        Path template = dir.resolve("names.tmpl");
        Files.writeString(template, "{{- range .items}}\n{{.metadata.name}}\t{{.metadata.namespace}}\n{{- end}}\n");
        get("cm", "-o", "go-template-file=" + template);
        get("cm", "-o", "templatefile=" + template);
        get("cm", "-o", "go-template-file=" + dir.resolve("missing.tmpl"));
        get("cm", "-o", "template", "--template={{range .items}}{{.metadata.name}},{{end}}");
        get("cm", "--template={{len .items}}");
        get("cm", "-o", "go-template-file", "--template=" + template);
    }

    @Test
    void labelAnnotateAndApplyPrintThroughTheTemplate() throws Exception {
        assertSame("gt-k", "gt-j", TWINS, "label", "cm", "settings", "tier=gold", "-o",
                "go-template={{range $k, $v := .metadata.labels}}{{$k}}={{$v}} {{end}}");
        assertSame("gt-k", "gt-j", TWINS, "annotate", "cm", "settings", "owner=me",
                "--template={{.metadata.name}}: {{index .metadata.annotations \"owner\"}}{{\"\\n\"}}");
        assertSame("gt-k", "gt-j", TWINS, "label", "cm", "settings", "empty", "x=y", "-o",
                "go-template={{.metadata.name}}={{.metadata.labels.x}}\n");
        Path file = dir.resolve("applied.yaml");
        Files.writeString(file, """
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: applied-a
                data: {k: "1"}
                ---
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: applied-b
                """);
        assertSame("gt-k", "gt-j", TWINS, "apply", "-f", file.toString(), "-o",
                "go-template={{.kind}}:{{range .items}} {{.metadata.name}}{{end}}");
        assertSame("gt-k", "gt-j", TWINS, "apply", "-f", file.toString(),
                "--template={{.metadata.name}} {{len .data}}\n");
    }
}
