package dev.jctl.runtime.apiserver;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/** /metrics parses as Prometheus text and counts what was asked of the server. */
class MetricsHttpTest {
    /** {@code name{labels} value}, labels as {@code k="v"} pairs with escaped values. */
    private static final Pattern SAMPLE = Pattern.compile(
            "([a-zA-Z_:][a-zA-Z0-9_:]*)\\{((?:[a-zA-Z_][a-zA-Z0-9_]*=\"(?:[^\"\\\\]|\\\\.)*\",?)*)} (\\S+)");
    private static final String CONFIGMAP_LABELS = "component=\"apiserver\",dry_run=\"\",group=\"\","
            + "resource=\"configmaps\",scope=\"%s\",subresource=\"\",verb=\"%s\",version=\"v1\"";

    @TempDir
    static Path dir;
    static TestCluster cluster;

    @BeforeAll
    static void start() {
        cluster = TestCluster.start(dir);
    }

    @AfterAll
    static void stop() {
        cluster.close();
    }

    /** Every sample by its full series name, after checking each line is a comment or a well-formed sample. */
    private static Map<String, Double> scrape() {
        TestCluster.Response r = cluster.get("/metrics");
        assertEquals(200, r.code());
        assertTrue(r.contentType().startsWith("text/plain; version=0.0.4"), r.contentType());
        Map<String, Double> samples = new LinkedHashMap<>();
        for (String line : r.raw().split("\n")) {
            if (line.startsWith("# HELP ") || line.startsWith("# TYPE ")) {
                continue;
            }
            Matcher m = SAMPLE.matcher(line);
            if (!m.matches()) {
                fail("not a sample line: " + line);
            }
            samples.put(m.group(1) + "{" + m.group(2) + "}", Double.parseDouble(m.group(3)));
        }
        return samples;
    }

    @Test
    void requestsAreCountedByVerbResourceAndCode() {
        String path = "/api/v1/namespaces/default/configmaps";
        cluster.post(path, "{\"metadata\":{\"name\":\"counted\"}}");
        cluster.post(path, "{\"metadata\":{\"name\":\"counted\"}}");
        cluster.get(path);
        cluster.get(path + "/counted");
        cluster.get(path + "/missing");

        Map<String, Double> samples = scrape();
        String created = CONFIGMAP_LABELS.formatted("namespace", "POST");
        assertEquals(1.0, samples.get("apiserver_request_total{code=\"201\"," + created + "}"), samples.toString());
        assertEquals(1.0, samples.get("apiserver_request_total{code=\"409\"," + created + "}"));
        assertEquals(1.0, samples.get("apiserver_request_total{code=\"200\","
                + CONFIGMAP_LABELS.formatted("namespace", "LIST") + "}"));
        String got = CONFIGMAP_LABELS.formatted("resource", "GET");
        assertEquals(1.0, samples.get("apiserver_request_total{code=\"200\"," + got + "}"));
        assertEquals(1.0, samples.get("apiserver_request_total{code=\"404\"," + got + "}"));

        assertEquals(2.0, samples.get("apiserver_request_duration_seconds_count{" + created + "}"));
        assertEquals(2.0, samples.get("apiserver_request_duration_seconds_bucket{" + created + ",le=\"+Inf\"}"));
        assertEquals(2.0, samples.get("apiserver_request_duration_seconds_bucket{" + created + ",le=\"60\"}"));
        double previous = 0;
        for (String le : new String[]{"0.005", "0.025", "0.05", "0.1", "0.2", "0.4", "1", "10", "60"}) {
            double count = samples.get("apiserver_request_duration_seconds_bucket{" + created + ",le=\"" + le + "\"}");
            assertTrue(count >= previous, "buckets are cumulative at le=" + le);
            previous = count;
        }
        assertTrue(samples.get("apiserver_request_duration_seconds_sum{" + created + "}") > 0);
    }
}
