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
 * get's {@code --field-selector}, {@code --ignore-not-found}, {@code --raw}, {@code --show-kind} and
 * {@code --chunk-size} side by side with the real kubectl against the project's API server: the same command line
 * must print the same stdout and stderr and exit alike, errors included.
 */
class GetFlagsCommandTest extends SideBySide {
    /** Ages in a last column: their width moves no other column, so the alignment is compared too. */
    private static final UnaryOperator<String> AGES =
            text -> text.replaceAll("(?m)(?<=\\s)\\d+[smhdy](\\d+[smh])?$", "AGE");
    /** Ages anywhere, and the spacing they shift as they grow a digit. */
    private static final UnaryOperator<String> LOOSE = text -> text
            .replaceAll("(?m)(?<=^|\\s)\\d+[smhdy](\\d+[smh])?(?=\\s|$)", "AGE").replaceAll(" +", " ");

    @BeforeAll
    static void objects() throws Exception {
        StringBuilder manifests = new StringBuilder("""
                apiVersion: v1
                kind: Namespace
                metadata: {name: flags}
                ---
                apiVersion: v1
                kind: Namespace
                metadata: {name: flags-empty}
                ---
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: web, namespace: flags, labels: {app: web}}
                spec:
                  selector: {matchLabels: {app: web}}
                  template:
                    metadata: {labels: {app: web}}
                    spec: {containers: [{name: app, image: "nginx:1.25"}]}
                ---
                apiVersion: v1
                kind: Pod
                metadata: {name: on-a, namespace: flags, labels: {app: web}}
                spec: {nodeName: node-a, containers: [{name: app, image: "nginx:1.25"}]}
                ---
                apiVersion: v1
                kind: Pod
                metadata: {name: unscheduled, namespace: flags}
                spec: {containers: [{name: app, image: "nginx:1.25"}]}
                """);
        // names of unequal widths on different pages: merged pages share one column width; ranks in reverse
        // order, so that sorting each page on its own differs from sorting them all
        List<String> names = List.of("a", "bb-long-name", "c", "dd", "e-much-much-longer-name", "f", "g");
        for (int i = 0; i < names.size(); i++) {
            manifests.append("---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: ").append(names.get(i))
                    .append(", namespace: flags, labels: {rank: \"").append(names.size() - i).append("\"}}\n");
        }
        Path file = dir.resolve("flags.yaml");
        Files.writeString(file, manifests.toString());
        CommandRun applied = kubectl().run(dir, List.of("apply", "-f", file.toString()));
        assertEquals(0, applied.exit(), applied.describe());
    }

    /** Runs {@code args} with kubectl and with jctl, {@code kubectl} read as {@code jctl} in kubectl's stderr. */
    private static void assertSame(UnaryOperator<String> normalize, String... args) {
        CommandRun expected = kubectl().run(dir, List.of(args));
        CommandRun actual = jctl().run(args);
        String both = "kubectl: " + expected.describe() + "\njctl: " + actual.describe();
        assertEquals(expected.exit(), actual.exit(), "exit code of " + List.of(args) + "\n" + both);
        assertEquals(normalize.apply(expected.out()), normalize.apply(actual.out()),
                "stdout of " + List.of(args) + "\n" + both);
        assertEquals(normalize.apply(expected.err().replace("kubectl", "jctl")), normalize.apply(actual.err()),
                "stderr of " + List.of(args) + "\n" + both);
    }

    private static void assertSame(String... args) {
        assertSame(AGES, args);
    }

    @Test
    void fieldSelectorFiltersListsWithTheServersFields() {
        assertSame("get", "cm", "-n", "flags", "--field-selector", "metadata.name=dd");
        assertSame("get", "cm", "-n", "flags", "--field-selector", "metadata.name!=dd,metadata.name!=f", "-o", "name");
        assertSame("get", "cm", "-A", "--field-selector", "metadata.namespace==flags", "-l", "rank=7");
        assertSame("get", "pods", "-n", "flags", "--field-selector", "spec.nodeName=node-a");
        assertSame("get", "pods", "-A", "--field-selector", "spec.nodeName=,status.phase!=Running", "-o", "name");
        assertSame("get", "pods", "-n", "flags", "--field-selector", "status.phase=Pending", "-l", "app=web");
        assertSame("get", "cm", "-n", "flags", "--field-selector", "  metadata.name=a  ");
        assertSame("get", "cm", "-n", "flags-empty", "--field-selector", "metadata.name=a");
        assertSame("get", "deploy", "-n", "flags", "--field-selector", "metadata.name=web", "-o", "yaml");
    }

    @Test
    void fieldSelectorErrorsReadAsKubectlsBuilderWordsThem() {
        // refused by the server: the builder names what it was listing, the other type still prints
        assertSame("get", "cm", "-n", "flags", "--field-selector", "spec.nodeName=node-a");
        assertSame("get", "pods,cm", "-n", "flags", "--field-selector", "spec.nodeName=node-a");
        assertSame("get", "ns", "--field-selector", "metadata.namespace=flags");
        assertSame("get", "cm", "-n", "flags", "--field-selector", "nonsense");
        assertSame("get", "cm", "-n", "flags", "--field-selector", "metadata.name=a=b", "-o", "json");
        // refused by the builder: names do not go with a selector
        assertSame("get", "cm", "a", "-n", "flags", "--field-selector", "metadata.name=a");
        assertSame("get", "cm/a", "-n", "flags", "--field-selector", "metadata.name=a");
        assertSame("get", "cm,deploy", "web", "-n", "flags", "-l", "app=web");
    }

    @Test
    void ignoreNotFoundSilencesMissingObjectsAndEmptyOutput() {
        assertSame("get", "cm", "nope", "-n", "flags", "--ignore-not-found");
        assertSame("get", "cm", "nope", "a", "-n", "flags", "--ignore-not-found");
        assertSame("get", "cm/nope", "deploy/nope", "-n", "flags", "--ignore-not-found");
        assertSame("get", "cm", "nope", "a", "-n", "flags", "--ignore-not-found", "-o", "name");
        assertSame("get", "cm", "nope", "-n", "flags", "--ignore-not-found", "-o", "yaml");
        assertSame("get", "cm", "-n", "flags-empty", "--ignore-not-found");
        assertSame("get", "cm", "-n", "flags-empty", "--ignore-not-found", "-o", "json");
        assertSame("get", "cm", "-n", "flags-empty", "--ignore-not-found", "-o", "custom-columns=N:.metadata.name");
        // only not-found is forgiven
        assertSame("get", "cm,widgets", "-n", "flags", "--ignore-not-found");
        assertSame("get", "cm", "-n", "flags", "--ignore-not-found", "--field-selector", "spec.x=1");
        // a watch of a missing object fails all the same
        assertSame("get", "cm", "nope", "-n", "flags", "--ignore-not-found", "-w", "--request-timeout=2s");
    }

    @Test
    void rawPrintsTheServersAnswerAsItIs() {
        UnaryOperator<String> same = UnaryOperator.identity();
        assertSame(same, "get", "--raw", "/api/v1/namespaces/flags/configmaps/a");
        assertSame(same, "get", "--raw", "/version");
        assertSame(same, "get", "--raw", "/healthz");
        assertSame(same, "get", "--raw", "/apis/apps/v1/namespaces/flags/deployments?fieldSelector=metadata.name%3Dweb"
                + "&limit=1&bad;pair=x#fragment");
        assertSame(same, "get", "--raw", "https://elsewhere:1/api/v1/namespaces/flags/configmaps/c%32?x=%zz");
        // the server ends this watch, so both print every event up to then
        assertSame(same, "get", "--raw", "/api/v1/namespaces/flags/configmaps?watch=1&timeoutSeconds=1");
        // the ignored flags
        assertSame(same, "get", "--raw", "/api", "--field-selector", "a=b", "--chunk-size=3", "--show-kind",
                "--sort-by=.x", "--ignore-not-found", "-A");
    }

    @Test
    void rawErrorsAndRefusals() {
        UnaryOperator<String> same = UnaryOperator.identity();
        assertSame(same, "get", "--raw", "/api/v1/namespaces/flags/configmaps/nope");
        assertSame(same, "get", "--raw", "/nope");
        assertSame(same, "get", "--raw", "/api/v1/namespaces/flags/configmaps?fieldSelector=nonsense");
        assertSame(same, "get", "--raw", "/api", "cm");
        assertSame(same, "get", "--raw", "/api", "-o", "yaml");
        assertSame(same, "get", "--raw", "/api", "-l", "a=b");
        assertSame(same, "get", "--raw", "/api", "-w");
        assertSame(same, "get", "--raw", "/api", "--output-watch-events");
        assertSame(same, "get", "--raw", "api");
        assertSame(same, "get", "--raw", "::");
        assertSame(same, "get", "--raw", "/a%zz");
        assertSame(same, "get", "--raw", "/a%2");
        assertSame(same, "get", "--raw", "http://a b/api");
        assertSame(same, "get", "--raw", "http://host:port/api");
        assertSame(same, "get", "--raw", "//host:port/api");
    }

    @Test
    void showKindPrefixesNames() {
        assertSame("get", "cm", "-n", "flags", "--show-kind");
        assertSame("get", "deploy", "web", "-n", "flags", "--show-kind");
        assertSame("get", "cm,deploy", "-n", "flags", "--show-kind", "--no-headers");
        assertSame(LOOSE, "get", "cm", "-A", "--show-kind", "-L", "rank", "--sort-by=.metadata.name");
        assertSame(LOOSE, "get", "ns", "flags", "--show-kind", "--show-labels");
        assertSame("get", "cm", "-n", "flags", "--show-kind", "-o", "name");
        assertSame("get", "cm", "-n", "flags", "--show-kind", "-w", "--request-timeout=1s");
        // several kinds print with their kind even without the flag
        assertSame("get", "deploy,pods", "-n", "flags");
    }

    @Test
    void chunkSizeMergesThePagesIntoOneTable() {
        assertSame("get", "cm", "-n", "flags", "--chunk-size=2");
        assertSame("get", "cm", "-n", "flags", "--chunk-size=1", "--no-headers");
        assertSame("get", "cm", "-n", "flags", "--chunk-size=0");
        assertSame("get", "cm,pods", "-A", "--chunk-size=3");
        assertSame("get", "cm", "-n", "flags", "--chunk-size=2", "-o", "yaml");
        assertSame("get", "cm", "-n", "flags", "--chunk-size=2", "-o",
                "custom-columns=N:.metadata.name,R:.metadata.labels.rank");
        // sorting reads everything at once, except in a watch, which sorts each page of its listing
        assertSame("get", "cm", "-n", "flags", "--chunk-size=2", "--sort-by=.metadata.labels.rank");
        assertSame("get", "cm", "-n", "flags", "--chunk-size=3", "--field-selector", "metadata.name!=a", "-o", "name");
        assertSame("get", "cm", "-n", "flags", "--chunk-size=2", "-w", "--request-timeout=1s");
        assertSame("get", "cm", "-n", "flags", "--chunk-size=2", "-w", "--request-timeout=1s",
                "--sort-by=.metadata.labels.rank");
        assertSame("get", "cm", "-n", "flags", "--chunk-size=-1");
    }

    @Test
    void noResourceArgumentIsAUsageError() {
        // jctl has no api-resources or explain command to point to
        UnaryOperator<String> pointers = text -> text
                .replace("Use \"jctl api-resources\" for a complete list of supported resources.", "POINTER")
                .replace("Use \"jctl get --help\" for the resource types jctl accepts.", "POINTER")
                .replaceAll("(?m)^Use \"jctl explain <resource>\".*\n", "");
        assertSame(pointers, "get");
        assertSame(pointers, "get", "--show-labels", "-o", "yaml");
        assertSame(pointers, "get", "-w", "--request-timeout=1s");
    }
}
