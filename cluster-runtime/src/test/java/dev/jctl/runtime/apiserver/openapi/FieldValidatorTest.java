package dev.jctl.runtime.apiserver.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FieldValidatorTest {
    private static final SchemaCatalog CATALOG = SchemaCatalog.builtin();
    private static final FieldValidator DEPLOYMENT = FieldValidator.forKind(CATALOG, "apps", "v1", "Deployment")
            .orElseThrow();

    /** The body of kube-apiserver's own strict field validation test, and the problems it reports, in order. */
    @Test
    void reportsUnknownAndDuplicateFieldsInDocumentOrderLikeKubeApiserver() {
        String body = """
                {"apiVersion":"apps/v1","kind":"Deployment",
                 "metadata":{"name":"dupname","name":"dupname","unknownMeta":"metaVal"},
                 "spec":{"unknown1":"val1","unknownDupe":"valDupe","unknownDupe":"valDupe2","paused":true,
                  "paused":false,"selector":{"matchLabels":{"app":"nginx"}},
                  "template":{"metadata":{"labels":{"app":"nginx"}},
                   "spec":{"containers":[{"name":"nginx","image":"nginx:latest","unknownNested":"val1",
                    "imagePullPolicy":"Always","imagePullPolicy":"Never"}]}}}}""";
        assertEquals(List.of("duplicate field \"metadata.name\"", "unknown field \"metadata.unknownMeta\"",
                "unknown field \"spec.unknown1\"", "unknown field \"spec.unknownDupe\"",
                "duplicate field \"spec.paused\"",
                "unknown field \"spec.template.spec.containers[0].unknownNested\"",
                "duplicate field \"spec.template.spec.containers[0].imagePullPolicy\""),
                DEPLOYMENT.checkJson(body.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void undeclaredFieldsAreTheFirstUnknownOfEachObjectAsServerSideApplyFindsThem() throws Exception {
        JsonNode patch = new ObjectMapper().readTree("""
                {"metadata":{"name":"web","labels":{"any/key":"v"},"bogus":1,"later":2},
                 "spec":{"template":{"spec":{"containers":[{"name":"a","imagee":"x","image":"y"}]}},
                  "replicaz":1,"template2":{"x":1},"paused":true}}""");
        assertEquals(List.of("/metadata/bogus", "/spec/template/spec/containers/0/imagee", "/spec/replicaz"),
                DEPLOYMENT.undeclaredFields(patch).stream().map(Object::toString).toList());
    }

    @Test
    void acceptsValidObjectsWithMapsOfAnyKeys() throws Exception {
        JsonNode deployment = new ObjectMapper().readTree("""
                {"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"web","labels":{"any/key":"v"},
                 "annotations":{"a":"b"}},"spec":{"strategy":{"rollingUpdate":{"maxSurge":"25%"}},
                 "template":{"spec":{"containers":[{"name":"app","resources":{"limits":{"cpu":"1"}},
                  "ports":[{"containerPort":80}]}],"nodeSelector":{"disk":"ssd"}}}}}""");
        assertEquals(List.of(), DEPLOYMENT.unknownFields(deployment));
        assertEquals(List.of("unknown field \"spec.template.spec.containers[0].resources.limit\""),
                DEPLOYMENT.unknownFields(new ObjectMapper().readTree("""
                        {"spec":{"template":{"spec":{"containers":[{"resources":{"limit":{"cpu":"1"}}}]}}}}""")));
    }

    @Test
    void ignoresUntypedAndPreserveUnknownFieldsSubtrees() throws Exception {
        FieldValidator revision = FieldValidator.forKind(CATALOG, "apps", "v1", "ControllerRevision").orElseThrow();
        assertEquals(List.of("unknown field \"extra\""), revision.unknownFields(new ObjectMapper().readTree("""
                {"revision":1,"data":{"anything":{"goes":[1,2]}},"extra":true}""")));

        JsonNode schema = new ObjectMapper().readTree("""
                {"type":"object","properties":{
                  "spec":{"type":"object","properties":{"size":{"type":"integer"},
                   "config":{"type":"object","x-kubernetes-preserve-unknown-fields":true}}}}}""");
        FieldValidator custom = new FieldValidator(Map.of(), schema);
        assertEquals(List.of("unknown field \"spec.colour\""), custom.unknownFields(new ObjectMapper().readTree("""
                {"spec":{"size":1,"colour":"red","config":{"free":{"form":true}}}}""")));
    }

    @Test
    void pruneRemovesExactlyTheFieldsItWouldReport() throws Exception {
        JsonNode schema = new ObjectMapper().readTree("""
                {"type":"object","properties":{
                  "spec":{"type":"object","properties":{"size":{"type":"integer"},
                   "items":{"type":"array","items":{"type":"object","properties":{"name":{"type":"string"}}}},
                   "config":{"type":"object","x-kubernetes-preserve-unknown-fields":true}}}}}""");
        FieldValidator custom = new FieldValidator(Map.of(), schema);
        JsonNode object = new ObjectMapper().readTree("""
                {"spec":{"size":1,"colour":"red","items":[{"name":"a","x":1}],"config":{"free":{"form":true}}}}""");
        custom.prune(object);
        assertEquals(new ObjectMapper().readTree("""
                {"spec":{"size":1,"items":[{"name":"a"}],"config":{"free":{"form":true}}}}"""), object);
        assertEquals(List.of(), custom.unknownFields(object));
    }

    @Test
    void wordsTheErrorAndTheWarningLikeKubeApiserver() {
        List<String> problems = List.of("unknown field \"spec.foo\"", "duplicate field \"spec.replicas\"");
        assertEquals("Deployment in version \"v1\" cannot be handled as a Deployment: strict decoding error: "
                + "unknown field \"spec.foo\", duplicate field \"spec.replicas\"",
                FieldValidator.strictDecodingError("Deployment", "v1", problems));
        assertEquals("299 - \"unknown field \\\"spec.foo\\\"\"", FieldValidator.warning(problems.get(0)));
        assertTrue(FieldValidator.forKind(CATALOG, "stable.example.com", "v1", "CronTab").isEmpty());
    }
}
