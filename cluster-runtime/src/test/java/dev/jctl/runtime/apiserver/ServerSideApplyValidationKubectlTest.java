package dev.jctl.runtime.apiserver;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * {@code kubectl apply --server-side} of objects with a mistyped field, under each {@code --validate} value, with the
 * real kubectl. The expected answers come from upstream's code, as a 1.32 cluster gives them: kube-apiserver converts
 * an apply patch into a typed value before it looks at fieldValidation (apiserver endpoints/handlers/patch.go
 * applyPatcher, then apimachinery managedfields/internal/structuredmerge.go), and that conversion refuses a field
 * the schema does not declare with a plain Go error: HTTP 500, a Status with no reason, which kubectl prints as
 * {@code Error from server: <message>} and exits 1 (cmd/util/helpers.go StandardErrorMessage). fieldValidation only
 * governs the keys a patch repeats, which kubectl never sends: it decodes the manifest before it encodes the patch.
 */
class ServerSideApplyValidationKubectlTest extends KubectlAgainstCluster {
    private static final List<String> VALIDATE = List.of("--validate=strict", "--validate=warn", "--validate=false");

    @BeforeAll
    static void createCronTabs() {
        ok("apply", "-f", file("crd.yaml", """
                apiVersion: apiextensions.k8s.io/v1
                kind: CustomResourceDefinition
                metadata:
                  name: crontabs.stable.example.com
                spec:
                  group: stable.example.com
                  scope: Namespaced
                  names: {plural: crontabs, singular: crontab, kind: CronTab}
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
                            properties:
                              cronSpec: {type: string}
                              image: {type: string}
                """).toString());
        ok("wait", "--for", "condition=established", "--timeout=60s", "crd/crontabs.stable.example.com");
    }

    private static Path file(String name, String content) {
        try {
            return Files.writeString(dir.resolve(name), content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path deployment(String name, String imageField) {
        return file(name + ".yaml", """
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: %s
                spec:
                  selector: {matchLabels: {app: %s}}
                  template:
                    metadata: {labels: {app: %s}}
                    spec:
                      containers:
                      - name: web
                        %s: nginx:1.27
                """.formatted(name, name, name, imageField));
    }

    private static Path cronTab(String name, String specField) {
        return file(name + ".yaml", """
                apiVersion: stable.example.com/v1
                kind: CronTab
                metadata:
                  name: %s
                spec:
                  %s: "*/5 * * * *"
                  image: cron
                """.formatted(name, specField));
    }

    @Test
    void aMistypedDeploymentFieldFailsUnderEveryValidateValue() {
        for (String validate : VALIDATE) {
            String name = "typo-" + validate.substring("--validate=".length());
            Kubectl.Result refused = kubectl.run("apply", "--server-side", validate, "-f",
                    deployment(name, "imagee").toString());
            assertEquals(1, refused.exit(), refused.describe());
            assertEquals("", refused.out(), refused.describe());
            assertEquals("Error from server: failed to create typed patch object (default/" + name
                    + "; apps/v1, Kind=Deployment): .spec.template.spec.containers[name=\"web\"].imagee: field not"
                    + " declared in schema\n", refused.err(), refused.describe());
            assertEquals(1, kubectl.run("get", "deployment", name).exit(), "nothing was created");
        }
    }

    @Test
    void aMistypedCustomResourceFieldFailsUnderEveryValidateValue() {
        for (String validate : VALIDATE) {
            String name = "typo-" + validate.substring("--validate=".length());
            Kubectl.Result refused = kubectl.run("apply", "--server-side", validate, "-f",
                    cronTab(name, "cronSpecc").toString());
            assertEquals(1, refused.exit(), refused.describe());
            assertEquals("Error from server: failed to create typed patch object (default/" + name
                    + "; stable.example.com/v1, Kind=CronTab): .spec.cronSpecc: field not declared in schema\n",
                    refused.err(), refused.describe());
            assertEquals(1, kubectl.run("get", "crontab", name).exit(), "nothing was created");
        }
    }

    @Test
    void declaredFieldsApplySilentlyUnderEveryValidateValue() {
        for (String validate : VALIDATE) {
            String name = "clean-" + validate.substring("--validate=".length());
            Kubectl.Result deployed = kubectl.run("apply", "--server-side", validate, "-f",
                    deployment(name, "image").toString());
            assertEquals(0, deployed.exit(), deployed.describe());
            assertEquals("deployment.apps/" + name + " serverside-applied\n", deployed.out());
            assertEquals("", deployed.err(), "no warning: " + deployed.describe());
            Kubectl.Result scheduled = kubectl.run("apply", "--server-side", validate, "-f",
                    cronTab(name, "cronSpec").toString());
            assertEquals(0, scheduled.exit(), scheduled.describe());
            assertEquals("crontab.stable.example.com/" + name + " serverside-applied\n", scheduled.out());
            assertEquals("", scheduled.err(), "no warning: " + scheduled.describe());
        }
    }
}
