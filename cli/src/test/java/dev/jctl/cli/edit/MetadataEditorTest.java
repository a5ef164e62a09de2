package dev.jctl.cli.edit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jctl.cli.client.Connection;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MetadataEditorTest {
    private static final MetadataEditor LABELS = new MetadataEditor(MetadataEditor.Field.LABELS);
    private static final MetadataEditor ANNOTATIONS = new MetadataEditor(MetadataEditor.Field.ANNOTATIONS);

    private static JsonNode object(String metadata) throws Exception {
        return Connection.JSON.readTree("{\"apiVersion\":\"apps/v1\",\"kind\":\"Deployment\",\"metadata\":"
                + metadata + ",\"spec\":{\"replicas\":2}}");
    }

    private static MetadataEditor.Changes labels(String... pairs) {
        return MetadataEditor.Changes.parse(MetadataEditor.Field.LABELS, List.of(pairs));
    }

    private static MetadataEditor.Changes annotations(String... pairs) {
        return MetadataEditor.Changes.parse(MetadataEditor.Field.ANNOTATIONS, List.of(pairs));
    }

    @Test
    void argumentsSplitIntoResourcesThenPairs() {
        MetadataEditor.Arguments split = MetadataEditor.Arguments.split(List.of("deploy", "web", "a=1", "b-"),
                MetadataEditor.Field.LABELS);
        assertEquals(List.of("deploy", "web"), split.resources());
        assertEquals(List.of("a=1", "b-"), split.pairs());
        IllegalArgumentException late = assertThrows(IllegalArgumentException.class, () ->
                MetadataEditor.Arguments.split(List.of("deploy", "a=1", "web"), MetadataEditor.Field.ANNOTATIONS));
        assertEquals("all resources must be specified before annotation changes: web", late.getMessage());
    }

    @Test
    void labelPairsAreCheckedAsKubectlChecksThem() {
        assertEquals(Map.of("a", "1"), labels("a=1", "b-").set());
        assertEquals(List.of("b"), labels("a=1", "b-").remove());
        assertEquals("invalid label spec: a=b=c",
                assertThrows(IllegalArgumentException.class, () -> labels("a=b=c")).getMessage());
        String tooLong = "x".repeat(64);
        assertEquals("invalid label value: \"a=" + tooLong + "\": must be no more than 63 characters",
                assertThrows(IllegalArgumentException.class, () -> labels("a=" + tooLong)).getMessage());
        assertEquals("invalid label value: \"a=-x\": a valid label must be an empty string or consist of alphanumeric "
                        + "characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. "
                        + "'MyValue',  or 'my_value',  or '12345', regex used for validation is "
                        + "'(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')",
                assertThrows(IllegalArgumentException.class, () -> labels("a=-x")).getMessage());
        assertEquals("can not both modify and remove a label in the same command",
                assertThrows(IllegalArgumentException.class, () -> labels("a=1", "a-")).getMessage());
        assertEquals(Map.of("empty", ""), labels("empty=").set());
    }

    @Test
    void annotationValuesAreAnythingAfterTheFirstEquals() {
        assertEquals(Map.of("x", "a=b", "y", ""), annotations("x=a=b", "y=").set());
        assertEquals("can not both modify and remove the following annotation(s) in the same command: x",
                assertThrows(IllegalArgumentException.class, () -> annotations("x=1", "x-")).getMessage());
    }

    @Test
    void labelWordsFollowKubectl() throws Exception {
        JsonNode web = object("{\"name\":\"web\",\"labels\":{\"app\":\"web\",\"tier\":\"gold\"}}");
        assertEquals("labeled", LABELS.edit(web, labels("new=1"), false, null).operation());
        assertEquals("not labeled", LABELS.edit(web, labels("tier=gold"), false, null).operation());
        assertEquals("unlabeled", LABELS.edit(web, labels("tier-"), false, null).operation());
        // kubectl 1.32 compares lengths only without --overwrite: with it, a removal reads "labeled".
        assertEquals("labeled", LABELS.edit(web, labels("tier-"), true, null).operation());
        MetadataEditor.Edit absent = LABELS.edit(web, labels("gone-"), false, null);
        assertEquals("not labeled", absent.operation());
        assertEquals(List.of("gone"), absent.absent());
        assertEquals("annotated", ANNOTATIONS.edit(web, annotations("a-"), false, null).operation());
    }

    @Test
    void existingValuesNeedOverwrite() throws Exception {
        JsonNode web = object("{\"name\":\"web\",\"labels\":{\"a\":\"1\",\"b\":\"2\"},"
                + "\"annotations\":{\"note\":\"hi\",\"kubernetes.io/change-cause\":\"old\"}}");
        MetadataEditor.OverwriteException labelsRefused = assertThrows(MetadataEditor.OverwriteException.class,
                () -> LABELS.edit(web, labels("b=3", "a=4"), false, null));
        assertEquals(List.of("'a' already has a value (1), and --overwrite is false",
                "'b' already has a value (2), and --overwrite is false"), labelsRefused.messages());
        MetadataEditor.OverwriteException annotationsRefused = assertThrows(MetadataEditor.OverwriteException.class,
                () -> ANNOTATIONS.edit(web, annotations("note=bye", "kubernetes.io/change-cause=new"), false, null));
        assertEquals(List.of("--overwrite is false but found the following declared annotation(s): "
                + "'note' already has a value (hi)"), annotationsRefused.messages());
        assertEquals(Connection.JSON.readTree("{\"metadata\":{\"labels\":{\"a\":\"4\"}}}"),
                LABELS.edit(web, labels("a=4"), true, null).patch());
    }

    @Test
    void thePatchIsAMergePatchOfMetadataCarryingAGivenResourceVersion() throws Exception {
        JsonNode web = object("{\"name\":\"web\",\"resourceVersion\":\"7\",\"labels\":{\"a\":\"1\"}}");
        assertEquals(Connection.JSON.readTree("{\"metadata\":{\"labels\":{\"a\":null,\"b\":\"2\"}}}"),
                LABELS.edit(web, labels("a-", "b=2"), false, null).patch());
        MetadataEditor.Edit pinned = LABELS.edit(web, labels("a=1"), false, "7");
        assertEquals(Connection.JSON.readTree("{\"metadata\":{\"resourceVersion\":\"7\"}}"),
                pinned.patch());
        assertEquals("labeled", pinned.operation());
        JsonNode bare = object("{\"name\":\"web\"}");
        // Like kubectl, the map is set even when it stays empty.
        assertEquals(Connection.JSON.readTree("{\"metadata\":{\"annotations\":{}}}"),
                ANNOTATIONS.edit(bare, annotations("gone-"), false, null).patch());
    }
}
