package dev.jctl.runtime.apiserver;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

/** The CronTab CRD of the Kubernetes documentation, with two versions, subresources and printer columns. */
final class CronTabs {
    /** The CronTab CRD of the Kubernetes docs with {@code schema} as both versions' openAPIV3Schema. */
    static String crd(String schema) {
        return """
                {"apiVersion": "apiextensions.k8s.io/v1", "kind": "CustomResourceDefinition",
                 "metadata": {"name": "crontabs.stable.example.com"},
                 "spec": {"group": "stable.example.com", "scope": "Namespaced",
                  "names": {"plural": "crontabs", "singular": "crontab", "kind": "CronTab", "shortNames": ["ct"],
                            "categories": ["all"]},
                  "versions": [
                   {"name": "v1beta1", "served": true, "storage": false, "schema": {"openAPIV3Schema": SCHEMA}},
                   {"name": "v1", "served": true, "storage": true, "schema": {"openAPIV3Schema": SCHEMA},
                    "subresources": {"status": {}, "scale": {"specReplicasPath": ".spec.replicas",
                      "statusReplicasPath": ".status.replicas", "labelSelectorPath": ".status.labelSelector"}},
                    "additionalPrinterColumns": [
                      {"name": "Spec", "type": "string", "jsonPath": ".spec.cronSpec"},
                      {"name": "Replicas", "type": "integer", "jsonPath": ".spec.replicas"},
                      {"name": "Age", "type": "date", "jsonPath": ".metadata.creationTimestamp"}]}]}}
                """.replace("SCHEMA", schema);
    }

    static final String CRD = crd("""
            {"type": "object", "properties": {
              "spec": {"type": "object", "required": ["cronSpec"], "properties": {
                "cronSpec": {"type": "string", "pattern": "^(\\\\d+|\\\\*)(/\\\\d+)?(\\\\s+(\\\\d+|\\\\*)(/\\\\d+)?){4}$"},
                "image": {"type": "string", "maxLength": 40},
                "mode": {"type": "string", "enum": ["fast", "slow"]},
                "port": {"x-kubernetes-int-or-string": true},
                "extra": {"type": "object", "x-kubernetes-preserve-unknown-fields": true},
                "tags": {"type": "array", "maxItems": 2, "items": {"type": "string"}},
                "replicas": {"type": "integer", "minimum": 1, "maximum": 10}}},
              "status": {"type": "object", "properties": {
                "replicas": {"type": "integer"}, "labelSelector": {"type": "string"}}}}}
            """);

    private CronTabs() {
    }

    static String cronTab(String apiVersion, String name, String specJson) {
        return "{\"apiVersion\": \"" + apiVersion + "\", \"kind\": \"CronTab\", \"metadata\": {\"name\": \"" + name
                + "\"}, \"spec\": " + specJson + "}";
    }

    /** Creates a CRD and waits until its Established condition is True, as {@code kubectl wait} does. */
    static JsonNode establish(TestCluster cluster, String crd) {
        TestCluster.Response created = cluster.post("/apis/apiextensions.k8s.io/v1/customresourcedefinitions", crd);
        assertEquals(201, created.code(), created.raw());
        String name = created.body().path("metadata").path("name").asText();
        return await(cluster, name, current -> {
            for (JsonNode c : current.path("status").path("conditions")) {
                if (c.path("type").asText().equals("Established") && c.path("status").asText().equals("True")) {
                    return true;
                }
            }
            return false;
        });
    }

    /** Polls the CRD {@code name} for up to 10s until {@code done} holds, and returns it then. */
    static JsonNode await(TestCluster cluster, String name, Predicate<JsonNode> done) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        while (Instant.now().isBefore(deadline)) {
            JsonNode current = cluster.get("/apis/apiextensions.k8s.io/v1/customresourcedefinitions/" + name).body();
            if (done.test(current)) {
                return current;
            }
            sleep();
        }
        return fail("CRD " + name + " did not reach the expected state within 10s");
    }

    /** Waits until {@code path} answers 404. */
    static void awaitGone(TestCluster cluster, String path) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        while (Instant.now().isBefore(deadline)) {
            if (cluster.get(path).code() == 404) {
                return;
            }
            sleep();
        }
        fail(path + " still answers after 10s");
    }

    private static void sleep() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
