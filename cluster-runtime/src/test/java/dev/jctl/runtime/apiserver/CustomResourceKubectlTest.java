package dev.jctl.runtime.apiserver;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A CRD and its custom resources through the real kubectl, one step after another as a user types them. */
class CustomResourceKubectlTest extends KubectlAgainstCluster {
    private static final String CRD = """
            apiVersion: apiextensions.k8s.io/v1
            kind: CustomResourceDefinition
            metadata:
              name: crontabs.stable.example.com
            spec:
              group: stable.example.com
              scope: Namespaced
              names:
                plural: crontabs
                singular: crontab
                kind: CronTab
                shortNames: [ct]
              versions:
              - name: v1
                served: true
                storage: true
                schema:
                  openAPIV3Schema:
                    type: object
                    properties:
                      spec:
                        type: object
                        description: The desired schedule.
                        properties:
                          cronSpec:
                            type: string
                            description: A cron expression.
                          image:
                            type: string
                          replicas:
                            type: integer
                            maximum: 10
                additionalPrinterColumns:
                - name: Spec
                  type: string
                  jsonPath: .spec.cronSpec
                - name: Replicas
                  type: integer
                  jsonPath: .spec.replicas
                - name: Age
                  type: date
                  jsonPath: .metadata.creationTimestamp
            """;
    private static final String CRON_TAB = """
            apiVersion: stable.example.com/v1
            kind: CronTab
            metadata:
              name: my-new-cron-object
            spec:
              cronSpec: "* * * * */5"
              image: my-awesome-cron-image
              replicas: 2
            """;

    private static Path file(String name, String content) {
        try {
            return Files.writeString(dir.resolve(name), content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> rows(String out) {
        return out.lines().map(l -> l.trim().replaceAll("\\s+", " ")).toList();
    }

    @Test
    void crdLifecycle() {
        assertEquals("customresourcedefinition.apiextensions.k8s.io/crontabs.stable.example.com created",
                ok("apply", "-f", file("crd.yaml", CRD).toString()).out().trim());
        assertEquals("customresourcedefinition.apiextensions.k8s.io/crontabs.stable.example.com condition met",
                ok("wait", "--for", "condition=established", "--timeout=30s",
                        "crd/crontabs.stable.example.com").out().trim());
        Path cr = file("cr.yaml", CRON_TAB);
        assertEquals("crontab.stable.example.com/my-new-cron-object created",
                ok("apply", "-f", cr.toString()).out().trim());
        assertEquals("crontab.stable.example.com/my-new-cron-object unchanged",
                ok("apply", "-f", cr.toString()).out().trim());

        List<String> table = rows(ok("get", "crontabs").out());
        assertEquals("NAME SPEC REPLICAS AGE", table.get(0));
        assertTrue(table.get(1).matches("my-new-cron-object \\* \\* \\* \\* \\*/5 2 \\d+s"), table.toString());
        assertEquals(List.of("crontab.stable.example.com/my-new-cron-object"), rows(ok("get", "ct", "-o", "name")
                .out()));

        String explain = ok("explain", "crontab.spec").out();
        assertTrue(explain.contains("KIND:       CronTab"), explain);
        assertTrue(explain.contains("cronSpec\t<string>"), explain);
        assertTrue(explain.contains("A cron expression."), explain);

        Kubectl.Result invalid = kubectl.run("apply", "-f", file("bad.yaml",
                CRON_TAB.replace("replicas: 2", "replicas: 11")).toString());
        assertNotEquals(0, invalid.exit());
        assertTrue(invalid.err().contains("spec.replicas: Invalid value: 11: spec.replicas in body should be less"
                + " than or equal to 10"), invalid.describe());

        assertEquals("customresourcedefinition.apiextensions.k8s.io \"crontabs.stable.example.com\" deleted",
                ok("delete", "crd", "crontabs.stable.example.com").out().trim());
        Kubectl.Result gone = kubectl.run("get", "crontabs.stable.example.com");
        assertNotEquals(0, gone.exit(), gone.describe());
    }

    /** kubectl apply and create send fieldValidation=Strict; --validate=warn and patch print the server's warnings. */
    @Test
    void unknownFieldsOfACustomResource() {
        String crd = CRD.replace("crontab", "backup").replace("CronTab", "Backup").replace("[ct]", "[bk]");
        ok("apply", "-f", file("backup-crd.yaml", crd).toString());
        ok("wait", "--for", "condition=established", "--timeout=30s", "crd/backups.stable.example.com");
        String typo = CRON_TAB.replace("CronTab", "Backup").replace("image:", "imagee:").replace("  replicas: 2\n", "");
        Path file = file("typo.yaml", typo);

        Kubectl.Result refused = kubectl.run("apply", "-f", file.toString());
        assertEquals(1, refused.exit(), refused.describe());
        assertEquals("Error from server (BadRequest): error when creating \"" + file + "\": Backup in version \"v1\""
                + " cannot be handled as a Backup: strict decoding error: unknown field \"spec.imagee\"",
                refused.err().trim());
        assertNotEquals(0, kubectl.run("get", "backup", "my-new-cron-object").exit(), "nothing was created");

        Kubectl.Result warned = ok("create", "--validate=warn", "-f", file.toString());
        assertEquals("Warning: unknown field \"spec.imagee\"", warned.err().trim());
        assertEquals("backup.stable.example.com/my-new-cron-object created", warned.out().trim());
        assertEquals("", ok("get", "backup", "my-new-cron-object", "-o", "jsonpath={.spec.imagee}").out());

        // kubectl patch sends no fieldValidation: the server's default, Warn, prunes the typo away
        Kubectl.Result patched = ok("patch", "backup", "my-new-cron-object", "--type=merge", "-p",
                "{\"spec\":{\"replica\":3}}");
        assertEquals("Warning: unknown field \"spec.replica\"", patched.err().trim());
        assertEquals("backup.stable.example.com/my-new-cron-object patched (no change)", patched.out().trim());

        Kubectl.Result refusedDefault = kubectl.run("apply", "-f", file("backup-crd-bad.yaml", crd.replace(
                "maximum: 10", "maximum: 10\n                default: 11")).toString());
        assertEquals(1, refusedDefault.exit(), refusedDefault.describe());
        assertTrue(refusedDefault.err().contains("spec.validation.openAPIV3Schema.properties[spec].properties"
                + "[replicas].default: Invalid value: 11: "), refusedDefault.describe());
        assertTrue(refusedDefault.err().startsWith("The CustomResourceDefinition \"backups.stable.example.com\" is"
                + " invalid: "),
                refusedDefault.describe());

        ok("apply", "-f", file("backup-crd-default.yaml", crd.replace("maximum: 10",
                "maximum: 10\n                default: 4")).toString());
        ok("wait", "--for=jsonpath={.spec.replicas}=4", "--timeout=30s", "backup/my-new-cron-object");
        assertEquals("4", ok("get", "backup", "my-new-cron-object", "-o", "jsonpath={.spec.replicas}").out(),
                "the default shows on objects stored before it");
    }
}
