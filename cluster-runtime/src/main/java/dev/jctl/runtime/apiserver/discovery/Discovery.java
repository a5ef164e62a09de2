package dev.jctl.runtime.apiserver.discovery;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jctl.runtime.apiserver.Json;
import dev.jctl.runtime.apiserver.registry.KindInfo;
import dev.jctl.runtime.apiserver.registry.KindRegistry;
import dev.jctl.runtime.apiserver.registry.Subresource;

import java.util.List;
import java.util.Map;

/**
 * The discovery documents: legacy ({@code APIVersions}, {@code APIGroupList}, {@code APIGroup},
 * {@code APIResourceList}) and aggregated ({@code apidiscovery.k8s.io} v2 and v2beta1
 * {@code APIGroupDiscoveryList}, one request for everything), built from the registry on every call so that
 * CRDs show up as soon as they are registered.
 */
public final class Discovery {
    private final KindRegistry registry;

    public Discovery(KindRegistry registry) {
        this.registry = registry;
    }

    /** {@code /api}. */
    public ObjectNode coreVersions(String serverAddress) {
        ObjectNode doc = Json.object();
        doc.put("kind", "APIVersions");
        doc.putArray("versions").add("v1");
        doc.putArray("serverAddressByClientCIDRs").addObject()
                .put("clientCIDR", "0.0.0.0/0").put("serverAddress", serverAddress);
        return doc;
    }

    /** {@code /apis}. */
    public ObjectNode groupList() {
        ObjectNode doc = Json.object();
        doc.put("kind", "APIGroupList").put("apiVersion", "v1");
        ArrayNode groups = doc.putArray("groups");
        registry.groupVersions().forEach((group, versions) -> {
            if (!group.isEmpty()) {
                groups.add(group(group, versions));
            }
        });
        return doc;
    }

    /** {@code /apis/<group>}, or null when no such group is served. */
    public ObjectNode group(String group) {
        List<String> versions = registry.groupVersions().get(group);
        if (group.isEmpty() || versions == null) {
            return null;
        }
        ObjectNode doc = group(group, versions);
        doc.put("kind", "APIGroup").put("apiVersion", "v1");
        return doc;
    }

    private static ObjectNode group(String group, List<String> versions) {
        ObjectNode node = Json.object();
        node.put("name", group);
        ArrayNode array = node.putArray("versions");
        for (String v : versions) {
            array.addObject().put("groupVersion", group + "/" + v).put("version", v);
        }
        node.putObject("preferredVersion").put("groupVersion", group + "/" + versions.get(0))
                .put("version", versions.get(0));
        return node;
    }

    /** {@code /api/v1} or {@code /apis/<group>/<version>}, or null when not served. */
    public ObjectNode resourceList(String group, String version) {
        List<KindInfo> kinds = registry.inGroupVersion(group, version);
        if (kinds.isEmpty()) {
            return null;
        }
        ObjectNode doc = Json.object();
        doc.put("kind", "APIResourceList").put("apiVersion", "v1")
                .put("groupVersion", group.isEmpty() ? version : group + "/" + version);
        ArrayNode resources = doc.putArray("resources");
        for (KindInfo k : kinds) {
            ObjectNode r = resources.addObject();
            r.put("name", k.plural()).put("singularName", k.singular()).put("namespaced", k.namespaced())
                    .put("kind", k.kind());
            strings(r, "verbs", k.verbs());
            if (!k.shortNames().isEmpty()) {
                strings(r, "shortNames", k.shortNames());
            }
            if (!k.categories().isEmpty()) {
                strings(r, "categories", k.categories());
            }
            for (Subresource s : k.subresources()) {
                ObjectNode sub = resources.addObject();
                sub.put("name", k.plural() + "/" + s.name()).put("singularName", "")
                        .put("namespaced", k.namespaced());
                if (!s.group().equals(group) || !s.version().equals(version)) {
                    sub.put("group", s.group()).put("version", s.version());
                }
                sub.put("kind", s.kind());
                strings(sub, "verbs", s.verbs());
            }
        }
        return doc;
    }

    /**
     * The aggregated document for {@code /api} ({@code legacy} true: the core group only) or {@code /apis}
     * (every named group), in apidiscovery {@code version} v2 or v2beta1, whose shapes are identical.
     */
    public ObjectNode aggregated(boolean legacy, String version) {
        ObjectNode doc = Json.object();
        doc.put("kind", "APIGroupDiscoveryList").put("apiVersion", "apidiscovery.k8s.io/" + version);
        doc.putObject("metadata");
        ArrayNode items = doc.putArray("items");
        for (Map.Entry<String, List<String>> entry : registry.groupVersions().entrySet()) {
            String group = entry.getKey();
            if (group.isEmpty() != legacy) {
                continue;
            }
            ObjectNode item = items.addObject();
            ObjectNode meta = item.putObject("metadata");
            if (!group.isEmpty()) {
                meta.put("name", group);
            }
            meta.putNull("creationTimestamp");
            ArrayNode versions = item.putArray("versions");
            for (String v : entry.getValue()) {
                ObjectNode gv = versions.addObject();
                gv.put("version", v);
                ArrayNode resources = gv.putArray("resources");
                for (KindInfo k : registry.inGroupVersion(group, v)) {
                    resources.add(aggregatedResource(k));
                }
                gv.put("freshness", "Current");
            }
        }
        return doc;
    }

    private static ObjectNode aggregatedResource(KindInfo k) {
        ObjectNode r = Json.object();
        r.put("resource", k.plural());
        r.putObject("responseKind").put("group", k.group()).put("version", k.version()).put("kind", k.kind());
        r.put("scope", k.namespaced() ? "Namespaced" : "Cluster");
        r.put("singularResource", k.singular());
        strings(r, "verbs", k.verbs());
        if (!k.shortNames().isEmpty()) {
            strings(r, "shortNames", k.shortNames());
        }
        if (!k.categories().isEmpty()) {
            strings(r, "categories", k.categories());
        }
        if (!k.subresources().isEmpty()) {
            ArrayNode subs = r.putArray("subresources");
            for (Subresource s : k.subresources()) {
                ObjectNode sub = subs.addObject();
                sub.put("subresource", s.name());
                sub.putObject("responseKind").put("group", s.group()).put("version", s.version())
                        .put("kind", s.kind());
                strings(sub, "verbs", s.verbs());
            }
        }
        return r;
    }

    private static void strings(ObjectNode node, String field, List<String> values) {
        ArrayNode array = node.putArray(field);
        values.forEach(array::add);
    }
}
