package dev.jctl.runtime.apiserver.metrics;

import dev.jctl.runtime.apiserver.rest.ApiRequest;
import dev.jctl.runtime.apiserver.rest.RequestTarget;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * kube-apiserver's request metrics, served at {@code /metrics} in the Prometheus text format (0.0.4):
 * {@code apiserver_request_total} by verb, group, version, resource, subresource, scope, dry run and code, and
 * {@code apiserver_request_duration_seconds} with upstream's buckets. Verbs are reported as upstream reports them:
 * the HTTP method, except LIST and WATCH for collection reads and APPLY for server-side apply. A watch's duration
 * is how long it stayed open, so watches are counted but kept out of the latency histogram.
 */
public final class RequestMetrics {
    private static final String TOTAL = "apiserver_request_total";
    private static final String DURATION = "apiserver_request_duration_seconds";

    /** Label sets rendered as {@code name="value",...} (sorted by label name, as client_golang sorts them). */
    private final Map<String, LongAdder> totals = new ConcurrentHashMap<>();
    private final Map<String, LatencyHistogram> durations = new ConcurrentHashMap<>();

    /** Records one finished resource request. */
    public void observe(ApiRequest request, boolean watch, int code, long nanos) {
        String verb = verb(request, watch);
        RequestTarget t = request.target();
        String scope = t.name() != null ? "resource" : t.namespace() != null ? "namespace" : "cluster";
        String dryRun = request.param("dryRun") == null ? "" : request.param("dryRun");
        String common = "component=\"apiserver\",dry_run=\"" + escape(dryRun) + "\",group=\""
                + escape(t.kind().group()) + "\",resource=\"" + escape(t.kind().plural()) + "\",scope=\"" + scope
                + "\",subresource=\"" + escape(t.subresource() == null ? "" : t.subresource()) + "\",verb=\"" + verb
                + "\",version=\"" + escape(t.kind().version()) + "\"";
        totals.computeIfAbsent("code=\"" + code + "\"," + common, k -> new LongAdder()).increment();
        if (!watch) {
            durations.computeIfAbsent(common, k -> new LatencyHistogram()).observe(nanos / 1e9);
        }
    }

    private static String verb(ApiRequest request, boolean watch) {
        String method = request.method();
        if (watch) {
            return "WATCH";
        }
        if (method.equals("GET") && request.target().isCollection()) {
            return "LIST";
        }
        String type = request.contentType();
        if (method.equals("PATCH") && type != null && type.startsWith("application/apply-patch")) {
            return "APPLY";
        }
        return method;
    }

    /** Every series, families in a fixed order and series sorted, ready to serve. */
    public String exposition() {
        StringBuilder out = new StringBuilder();
        out.append("# HELP ").append(TOTAL).append(" [STABLE] Counter of apiserver requests broken out for each verb,"
                + " dry run value, group, version, resource, scope, component, and HTTP response code.\n");
        out.append("# TYPE ").append(TOTAL).append(" counter\n");
        totals.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e ->
                out.append(TOTAL).append('{').append(e.getKey()).append("} ").append(e.getValue().sum()).append('\n'));
        out.append("# HELP ").append(DURATION).append(" [STABLE] Response latency distribution in seconds for each"
                + " verb, dry run value, group, version, resource, subresource, scope and component.\n");
        out.append("# TYPE ").append(DURATION).append(" histogram\n");
        durations.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> e.getValue().write(out, DURATION, e.getKey()));
        return out.toString();
    }

    /** Label value escaping of the text format: backslash, double quote and newline. */
    static String escape(String value) {
        return value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }
}
