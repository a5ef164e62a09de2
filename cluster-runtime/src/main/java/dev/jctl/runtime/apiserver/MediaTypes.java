package dev.jctl.runtime.apiserver;

import java.util.HashMap;
import java.util.Map;

/**
 * Content negotiation on the {@code Accept} header for the two alternative representations kube-apiserver
 * offers: aggregated discovery ({@code as=APIGroupDiscoveryList}) and tables ({@code as=Table}). The first
 * acceptable entry wins, as in upstream's negotiation.
 */
public final class MediaTypes {
    public static final String JSON = "application/json";

    private MediaTypes() {
    }

    /** "v2" or "v2beta1" when the client prefers aggregated discovery, else null (plain JSON). */
    public static String aggregatedDiscoveryVersion(String accept) {
        return preferred(accept, "apidiscovery.k8s.io", "APIGroupDiscoveryList", "v2", "v2beta1");
    }

    /** "v1" or "v1beta1" when the client prefers a meta.k8s.io Table, else null. */
    public static String tableVersion(String accept) {
        return preferred(accept, "meta.k8s.io", "Table", "v1", "v1beta1");
    }

    private static String preferred(String accept, String group, String as, String... versions) {
        if (accept == null) {
            return null;
        }
        for (String entry : accept.split(",")) {
            String[] parts = entry.split(";");
            String type = parts[0].trim();
            Map<String, String> params = new HashMap<>();
            for (int i = 1; i < parts.length; i++) {
                int eq = parts[i].indexOf('=');
                if (eq > 0) {
                    params.put(parts[i].substring(0, eq).trim(), parts[i].substring(eq + 1).trim());
                }
            }
            if (type.equals(JSON) && as.equals(params.get("as")) && group.equals(params.get("g"))) {
                for (String v : versions) {
                    if (v.equals(params.get("v"))) {
                        return v;
                    }
                }
            }
            if (!params.containsKey("as") && (type.equals(JSON) || type.equals("*/*")
                    || type.equals("application/*"))) {
                return null;
            }
        }
        return null;
    }
}
