package dev.jctl.runtime.apiserver;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static dev.jctl.runtime.apiserver.CronTabs.cronTab;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** CustomResourceDefinitions over HTTP: serving, validation, pruning, subresources, tables, deletion. */
class CustomResourceHttpTest {
    private static final String CRDS = "/apis/apiextensions.k8s.io/v1/customresourcedefinitions";
    private static final String V1 = "/apis/stable.example.com/v1/namespaces/default/crontabs";
    private static final String V1BETA1 = "/apis/stable.example.com/v1beta1/namespaces/default/crontabs";
    private static final String TABLE = "application/json;as=Table;v=v1;g=meta.k8s.io";

    @TempDir
    static Path dir;
    static TestCluster cluster;

    @BeforeAll
    static void start() {
        cluster = TestCluster.start(dir);
        CronTabs.establish(cluster, CronTabs.CRD);
    }

    @AfterAll
    static void stop() {
        cluster.close();
    }

    private static String spec(String cronSpec, int replicas) {
        return "{\"cronSpec\": \"" + cronSpec + "\", \"replicas\": " + replicas + "}";
    }

    @Test
    void establishedCrdHasUpstreamStatus() {
        JsonNode crd = cluster.get(CRDS + "/crontabs.stable.example.com").body();
        JsonNode status = crd.path("status");
        assertEquals("CronTab", status.path("acceptedNames").path("kind").asText());
        assertEquals("crontab", status.path("acceptedNames").path("singular").asText());
        assertEquals("CronTabList", status.path("acceptedNames").path("listKind").asText());
        assertEquals("[\"ct\"]", status.path("acceptedNames").path("shortNames").toString());
        assertEquals("[\"v1\"]", status.path("storedVersions").toString());
        List<String> conditions = new ArrayList<>();
        status.path("conditions").forEach(c -> conditions.add(c.path("type").asText() + "=" + c.path("status")
                .asText() + "/" + c.path("reason").asText()));
        assertEquals(List.of("NamesAccepted=True/NoConflicts", "Established=True/InitialNamesAccepted"), conditions);
    }

    /** A CRD is a built-in kind: kubectl apply updates it with a strategic merge patch, as upstream accepts. */
    @Test
    void crdTakesAStrategicMergePatch() {
        TestCluster.Response patched = cluster.patch(CRDS + "/crontabs.stable.example.com",
                "application/strategic-merge-patch+json", "{\"metadata\":{\"labels\":{\"team\":\"a\"}}}");
        assertEquals(200, patched.code(), patched.raw());
        assertEquals("a", patched.body().path("metadata").path("labels").path("team").asText());
        assertEquals(201, cluster.post(V1, cronTab("stable.example.com/v1", "smp", spec("* * * * */5", 1))).code());
        TestCluster.Response onResource = cluster.patch(V1 + "/smp", "application/strategic-merge-patch+json", "{}");
        assertEquals(415, onResource.code(), onResource.raw());
        assertEquals("the body of the request was in an unknown format - accepted media types include: "
                + "application/json-patch+json, application/merge-patch+json, application/apply-patch+yaml",
                onResource.body().path("message").asText());
        TestCluster.Response onMissing = cluster.patch(V1 + "/never-created", "application/strategic-merge-patch+json",
                "{}");
        assertEquals(415, onMissing.code(), onMissing.raw());
    }

    @Test
    void newCrdAnswersWithEmptyAcceptedNames() {
        String crd = CronTabs.CRD.replace("crontabs", "widgets").replace("CronTab", "Widget")
                .replace("\"ct\"", "\"wd\"")
                .replace("\"crontab\"", "\"widget\"");
        TestCluster.Response created = cluster.post(CRDS, crd);
        assertEquals(201, created.code(), created.raw());
        assertEquals("{\"kind\":\"\",\"plural\":\"\"}", created.body().path("status").path("acceptedNames").toString());
        assertEquals("None", created.body().path("spec").path("conversion").path("strategy").asText());
        assertTrue(cluster.delete(CRDS + "/widgets.stable.example.com").code() < 300);
        CronTabs.awaitGone(cluster, CRDS + "/widgets.stable.example.com");
    }

    @Test
    void discoveryServesEveryVersionPreferringTheHighest() {
        JsonNode group = cluster.get("/apis/stable.example.com").body();
        assertEquals("v1", group.path("preferredVersion").path("version").asText());
        assertEquals(2, group.path("versions").size());
        JsonNode resources = cluster.get("/apis/stable.example.com/v1").body().path("resources");
        List<String> names = new ArrayList<>();
        resources.forEach(r -> {
            if (r.path("name").asText().startsWith("crontabs")) {
                names.add(r.path("name").asText());
            }
        });
        assertEquals(List.of("crontabs", "crontabs/scale", "crontabs/status"), names);
        assertEquals("[\"ct\"]", resources.get(0).path("shortNames").toString());
        assertEquals("[\"all\"]", resources.get(0).path("categories").toString());
        assertTrue(resources.get(0).path("namespaced").asBoolean());
        String aggregated = cluster.get("/apis", "application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList")
                .raw();
        assertTrue(aggregated.contains("\"stable.example.com\""), aggregated);
    }

    @Test
    void crudAcrossVersionsConvertsTheApiVersion() {
        TestCluster.Response created = cluster.post(V1, cronTab("stable.example.com/v1", "a", spec("* * * * */5", 2)));
        assertEquals(201, created.code(), created.raw());
        assertEquals(1, created.body().path("metadata").path("generation").asInt());
        JsonNode viaBeta = cluster.get(V1BETA1 + "/a").body();
        assertEquals("stable.example.com/v1beta1", viaBeta.path("apiVersion").asText());
        assertEquals("* * * * */5", viaBeta.path("spec").path("cronSpec").asText());
        JsonNode list = cluster.get(V1).body();
        assertEquals("CronTabList", list.path("kind").asText());
        TestCluster.Response patched = cluster.patch(V1 + "/a", "application/merge-patch+json",
                "{\"spec\": {\"image\": \"busybox\"}}");
        assertEquals(200, patched.code(), patched.raw());
        assertEquals("busybox", patched.body().path("spec").path("image").asText());
        assertEquals(2, patched.body().path("metadata").path("generation").asInt());
        JsonNode all = cluster.get("/apis/stable.example.com/v1/crontabs").body();
        assertTrue(all.path("items").size() >= 1);
        assertEquals(200, cluster.delete(V1 + "/a").code());
        assertEquals(404, cluster.get(V1 + "/a").code());
    }

    @Test
    void schemaViolationsAreInvalidWithUpstreamCauses() {
        TestCluster.Response r = cluster.post(V1, cronTab("stable.example.com/v1", "bad",
                "{\"cronSpec\": \"* * * * */5\", \"replicas\": \"string\"}"));
        assertEquals(422, r.code(), r.raw());
        assertEquals("CronTab.stable.example.com \"bad\" is invalid: spec.replicas: Invalid value: \"string\":"
                + " spec.replicas in body must be of type integer: \"string\"", r.body().path("message").asText());
        JsonNode cause = r.body().path("details").path("causes").get(0);
        assertEquals("FieldValueTypeInvalid", cause.path("reason").asText());
        assertEquals("spec.replicas", cause.path("field").asText());
        assertEquals("stable.example.com", r.body().path("details").path("group").asText());
        assertEquals("CronTab", r.body().path("details").path("kind").asText());

        TestCluster.Response many = cluster.post(V1, cronTab("stable.example.com/v1", "bad",
                "{\"replicas\": 11, \"mode\": \"medium\", \"image\": \"" + "x".repeat(41) + "\", \"tags\":"
                        + " [\"a\", \"b\", \"c\"], \"port\": true}"));
        assertEquals(422, many.code(), many.raw());
        List<String> causes = new ArrayList<>();
        many.body().path("details").path("causes").forEach(c -> causes.add(c.path("field").asText() + ": "
                + c.path("message").asText()));
        causes.sort(null);
        assertEquals(List.of(
                "spec.cronSpec: Required value",
                "spec.image: Too long: may not be longer than 40",
                "spec.mode: Unsupported value: \"medium\": supported values: \"fast\", \"slow\"",
                "spec.port: Invalid value: \"boolean\": spec.port in body must be of type integer,string:"
                        + " \"boolean\"",
                "spec.replicas: Invalid value: 11: spec.replicas in body should be less than or equal to 10",
                "spec.tags: Too many: 3: must have at most 2 items"), causes);

        TestCluster.Response pattern = cluster.post(V1, cronTab("stable.example.com/v1", "bad",
                "{\"cronSpec\": \"often\"}"));
        assertEquals(422, pattern.code());
        assertTrue(pattern.body().path("message").asText().contains(
                "spec.cronSpec: Invalid value: \"often\": spec.cronSpec in body should match '"), pattern.raw());
    }

    @Test
    void unknownFieldsArePrunedUnlessPreserved() {
        TestCluster.Response created = cluster.post(V1, "{\"apiVersion\": \"stable.example.com/v1\", \"kind\":"
                + " \"CronTab\", \"metadata\": {\"name\": \"pruned\"}, \"junk\": 1, \"spec\": {\"cronSpec\":"
                + " \"* * * * *\", \"port\": \"http\", \"unknown\": true, \"extra\": {\"anything\": {\"x\": 1}}}}");
        assertEquals(201, created.code(), created.raw());
        JsonNode stored = cluster.get(V1 + "/pruned").body();
        assertFalse(stored.has("junk"));
        assertFalse(stored.path("spec").has("unknown"));
        assertEquals(1, stored.path("spec").path("extra").path("anything").path("x").asInt());
        assertEquals("http", stored.path("spec").path("port").asText());
        TestCluster.Response patched = cluster.patch(V1 + "/pruned", "application/merge-patch+json",
                "{\"spec\": {\"later\": 1}}");
        assertEquals(200, patched.code(), patched.raw());
        assertFalse(patched.body().path("spec").has("later"));
        assertEquals(stored.path("metadata").path("resourceVersion"), patched.body().path("metadata")
                .path("resourceVersion"), "a patch that prunes to nothing changes nothing");
    }

    @Test
    void schemaDefaultsAreAppliedBeforePruningAndValidation() {
        String schema = """
                {"type": "object", "properties": {"spec": {"type": "object", "default": {}, "properties": {
                  "mode": {"type": "string", "default": "fast"},
                  "replicas": {"type": "integer", "default": 1},
                  "note": {"type": "string", "nullable": true, "default": "n"},
                  "owner": {"type": "string"},
                  "logging": {"type": "object", "default": {}, "properties": {
                    "level": {"type": "string", "default": "info"}}},
                  "ports": {"type": "array", "items": {"type": "object", "properties": {
                    "port": {"type": "integer"}, "protocol": {"type": "string", "default": "TCP"}}}},
                  "labels": {"type": "object", "additionalProperties": {"type": "object", "properties": {
                    "weight": {"type": "integer", "default": 5}}}}}}}}""";
        CronTabs.establish(cluster, CronTabs.crd(schema).replace("crontab", "gizmo").replace("CronTab", "Gizmo")
                .replace("\"ct\"", "\"gz\""));
        String gizmos = "/apis/stable.example.com/v1/namespaces/default/gizmos";
        TestCluster.Response bare = cluster.post(gizmos, "{\"apiVersion\": \"stable.example.com/v1\", \"kind\": "
                + "\"Gizmo\", \"metadata\": {\"name\": \"bare\"}}");
        assertEquals(201, bare.code(), bare.raw());
        assertEquals("{\"mode\":\"fast\",\"replicas\":1,\"note\":\"n\",\"logging\":{\"level\":\"info\"}}",
                bare.body().path("spec").toString(), "defaults of defaults apply too");
        TestCluster.Response given = cluster.post(gizmos, "{\"apiVersion\": \"stable.example.com/v1\", \"kind\": "
                + "\"Gizmo\", \"metadata\": {\"name\": \"given\"}, \"spec\": {\"mode\": null, \"replicas\": 3, "
                + "\"note\": null, \"owner\": null, \"ports\": [{\"port\": 80}, {\"port\": 53, \"protocol\": "
                + "\"UDP\"}], \"labels\": {\"a\": {}, \"b\": {\"weight\": 9}}}}");
        assertEquals(201, given.code(), given.raw());
        JsonNode spec = given.body().path("spec");
        assertEquals("fast", spec.path("mode").asText(), "a null that may not be null takes the default");
        assertEquals(3, spec.path("replicas").asInt());
        assertTrue(spec.get("note").isNull(), "a nullable null stays null");
        assertFalse(spec.has("owner"), "a null that may not be null and has no default is dropped");
        assertEquals("[{\"port\":80,\"protocol\":\"TCP\"},{\"port\":53,\"protocol\":\"UDP\"}]",
                spec.path("ports").toString());
        assertEquals("{\"a\":{\"weight\":5},\"b\":{\"weight\":9}}", spec.path("labels").toString());
    }

    @Test
    void statusAndScaleSubresources() {
        assertEquals(201, cluster.post(V1, cronTab("stable.example.com/v1", "scaled", spec("* * * * *", 1)))
                .code());
        JsonNode current = cluster.get(V1 + "/scaled").body();
        ((com.fasterxml.jackson.databind.node.ObjectNode) current).putObject("status").put("replicas", 1)
                .put("labelSelector", "app=cron");
        TestCluster.Response main = cluster.put(V1 + "/scaled", current.toString());
        assertEquals(200, main.code(), main.raw());
        assertFalse(main.body().has("status"), "the main resource ignores status");
        TestCluster.Response status = cluster.put(V1 + "/scaled/status", current.toString());
        assertEquals(200, status.code(), status.raw());
        assertEquals(1, status.body().path("status").path("replicas").asInt());

        JsonNode scale = cluster.get(V1 + "/scaled/scale").body();
        assertEquals("Scale", scale.path("kind").asText());
        assertEquals(1, scale.path("spec").path("replicas").asInt());
        assertEquals("app=cron", scale.path("status").path("selector").asText());
        TestCluster.Response rescaled = cluster.patch(V1 + "/scaled/scale", "application/merge-patch+json",
                "{\"spec\": {\"replicas\": 4}}");
        assertEquals(200, rescaled.code(), rescaled.raw());
        assertEquals(4, cluster.get(V1 + "/scaled").body().path("spec").path("replicas").asInt());
    }

    @Test
    void tablesShowThePrinterColumns() {
        assertEquals(201, cluster.post(V1, cronTab("stable.example.com/v1", "printed", spec("*/5 * * * *", 3)))
                .code());
        JsonNode table = cluster.get(V1 + "?fieldSelector=metadata.name%3Dprinted", TABLE).body();
        List<String> columns = new ArrayList<>();
        table.path("columnDefinitions").forEach(c -> columns.add(c.path("name").asText() + ":"
                + c.path("type").asText()));
        assertEquals(List.of("Name:string", "Spec:string", "Replicas:integer", "Age:date"), columns);
        JsonNode cells = table.path("rows").get(0).path("cells");
        assertEquals("printed", cells.get(0).asText());
        assertEquals("*/5 * * * *", cells.get(1).asText());
        assertEquals(3, cells.get(2).asInt());
        assertTrue(cells.get(3).asText().matches("\\d+s"), cells.toString());
        JsonNode beta = cluster.get(V1BETA1 + "/printed", TABLE).body();
        List<String> betaColumns = new ArrayList<>();
        beta.path("columnDefinitions").forEach(c -> betaColumns.add(c.path("name").asText()));
        assertEquals(List.of("Name", "Age"), betaColumns, "a version without printer columns gets Age");
    }

    @Test
    void openApiCarriesTheSchema() {
        JsonNode doc = cluster.get("/openapi/v3/apis/stable.example.com/v1").body();
        JsonNode schema = doc.path("components").path("schemas").path("com.example.stable.v1.CronTab");
        assertEquals("integer", schema.path("properties").path("spec").path("properties").path("replicas")
                .path("type").asText());
        assertEquals("CronTab", schema.path("x-kubernetes-group-version-kind").get(0).path("kind").asText());
        assertTrue(doc.path("components").path("schemas").has("io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta"));
        assertTrue(cluster.get("/openapi/v3").body().path("paths").has("apis/stable.example.com/v1beta1"));
    }

    @Test
    void clusterScopedCustomResources() {
        String crd = CronTabs.CRD.replace("crontabs", "clustertabs").replace("CronTab", "ClusterTab")
                .replace("\"ct\"", "\"clt\"")
                .replace("\"crontab\"", "\"clustertab\"").replace("Namespaced", "Cluster");
        CronTabs.establish(cluster, crd);
        String path = "/apis/stable.example.com/v1/clustertabs";
        TestCluster.Response created = cluster.post(path, "{\"apiVersion\": \"stable.example.com/v1\", \"kind\":"
                + " \"ClusterTab\", \"metadata\": {\"name\": \"c1\"}, \"spec\": {\"cronSpec\": \"* * * * *\"}}");
        assertEquals(201, created.code(), created.raw());
        assertFalse(created.body().path("metadata").has("namespace"));
        assertEquals(200, cluster.get(path + "/c1").code());
        JsonNode resources = cluster.get("/apis/stable.example.com/v1").body().path("resources");
        boolean clusterScoped = false;
        for (JsonNode r : resources) {
            clusterScoped |= r.path("name").asText().equals("clustertabs") && !r.path("namespaced").asBoolean();
        }
        assertTrue(clusterScoped, resources.toString());
    }

    @Test
    void aCrdWhoseNamesAreTakenIsNotServed() {
        String crd = CronTabs.CRD.replace("crontabs", "rivals").replace("CronTab", "Rival")
                .replace("\"crontab\"", "\"rival\"");
        TestCluster.Response created = cluster.post(CRDS, crd);
        assertEquals(201, created.code(), created.raw());
        String path = CRDS + "/rivals.stable.example.com";
        JsonNode conditions = CronTabs.await(cluster, "rivals.stable.example.com",
                current -> current.path("status").path("conditions").size() == 2).path("status").path("conditions");
        JsonNode names = conditions.get(0);
        assertEquals("NamesAccepted/False/ShortNamesConflict/\"ct\" is already in use",
                names.path("type").asText() + "/" + names.path("status").asText() + "/"
                        + names.path("reason").asText() + "/" + names.path("message").asText());
        JsonNode established = conditions.get(1);
        assertEquals("False", established.path("status").asText());
        assertEquals("NotAccepted", established.path("reason").asText());
        assertEquals(404, cluster.get("/apis/stable.example.com/v1/namespaces/default/rivals").code());
        assertTrue(cluster.delete(path).code() < 300);
        CronTabs.awaitGone(cluster, path);
    }

    @Test
    void invalidCrdsAreRefused() {
        String bad = CronTabs.CRD.replace("\"storage\": false", "\"storage\": true")
                .replace("crontabs.stable.example.com", "wrong.stable.example.com")
                .replace("Namespaced", "Everywhere");
        TestCluster.Response r = cluster.post(CRDS, bad);
        assertEquals(422, r.code(), r.raw());
        List<String> causes = new ArrayList<>();
        r.body().path("details").path("causes").forEach(c -> causes.add(c.path("field").asText()));
        assertEquals(List.of("metadata.name", "spec.scope", "spec.versions"), causes);
        assertTrue(r.body().path("message").asText().startsWith(
                "CustomResourceDefinition.apiextensions.k8s.io \"wrong.stable.example.com\" is invalid: ["
                        + "metadata.name: Invalid value: \"wrong.stable.example.com\": must be"
                        + " spec.names.plural+\".\"+spec.group, spec.scope: Unsupported value: \"Everywhere\":"
                        + " supported values: \"Cluster\", \"Namespaced\", spec.versions: Invalid value:"),
                r.body().path("message").asText());
        assertTrue(r.body().path("message").asText().endsWith(
                "must have exactly one version marked as storage version]"));
    }

    @Test
    void updatingACrdChangesWhatIsServed() {
        String crd = CronTabs.CRD.replace("crontabs", "gadgets").replace("CronTab", "Gadget")
                .replace("\"ct\"", "\"gd\"")
                .replace("\"crontab\"", "\"gadget\"");
        JsonNode established = CronTabs.establish(cluster, crd);
        JsonNode versions = established.path("spec").path("versions");
        ((com.fasterxml.jackson.databind.node.ObjectNode) versions.get(0)).put("served", false);
        ((com.fasterxml.jackson.databind.node.ArrayNode) versions.get(1).path("additionalPrinterColumns")).remove(1);
        TestCluster.Response updated = cluster.put(CRDS + "/gadgets.stable.example.com", established.toString());
        assertEquals(200, updated.code(), updated.raw());
        assertEquals(2, updated.body().path("metadata").path("generation").asInt());
        CronTabs.awaitGone(cluster, "/apis/stable.example.com/v1beta1/namespaces/default/gadgets");
        String v1 = "/apis/stable.example.com/v1/namespaces/default/gadgets";
        assertEquals(200, cluster.get(v1).code());
        List<String> columns = new ArrayList<>();
        cluster.get(v1, TABLE).body().path("columnDefinitions").forEach(c -> columns.add(c.path("name").asText()));
        assertEquals(List.of("Name", "Spec", "Age"), columns);
    }

    @Test
    void deletingACrdDeletesItsObjectsAndStopsServing() {
        String crd = CronTabs.CRD.replace("crontabs", "doomeds").replace("CronTab", "Doomed")
                .replace("\"ct\"", "\"dm\"").replace("\"crontab\"", "\"doomed\"");
        CronTabs.establish(cluster, crd);
        String path = "/apis/stable.example.com/v1/namespaces/default/doomeds";
        assertEquals(201, cluster.post(path, "{\"apiVersion\": \"stable.example.com/v1\", \"kind\": \"Doomed\","
                + " \"metadata\": {\"name\": \"d1\"}, \"spec\": {\"cronSpec\": \"* * * * *\"}}").code());
        TestCluster.Response deleted = cluster.delete(CRDS + "/doomeds.stable.example.com");
        assertEquals(200, deleted.code(), deleted.raw());
        CronTabs.awaitGone(cluster, CRDS + "/doomeds.stable.example.com");
        assertEquals(404, cluster.get(path + "/d1").code());
        assertEquals(404, cluster.get(path).code());

        CronTabs.establish(cluster, crd);
        assertEquals(0, cluster.get(path).body().path("items").size(), "the objects went with the definition");
    }
}
