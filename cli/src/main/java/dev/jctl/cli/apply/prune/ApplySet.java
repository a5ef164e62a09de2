package dev.jctl.cli.apply.prune;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jctl.cli.BuildInfo;
import dev.jctl.cli.apply.DryRun;
import dev.jctl.cli.apply.PatchType;
import dev.jctl.cli.client.ApiException;
import dev.jctl.cli.client.ApiResource;
import dev.jctl.cli.client.Connection;
import dev.jctl.cli.client.Discovery;
import dev.jctl.diff.io.Manifest;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * An ApplySet (KEP-3659) as kubectl's {@code --applyset} keeps it: a parent Secret or ConfigMap labelled with
 * the set's id and annotated with the group-kinds and extra namespaces of its members; each member labelled
 * {@code applyset.kubernetes.io/part-of=<id>}. The parent is widened to the union of old and new members before
 * applying (an interrupted run leaks nothing) and narrowed to the new members after a successful prune.
 * <p>
 * The tooling annotation names kubectl ({@code kubectl/v<jctl version>+jctl}): kubectl refuses a set whose
 * tooling has another base name, and jctl writes exactly kubectl's labels and annotations, so a set must stay
 * usable by both tools; the build metadata still tells which one wrote it last.
 */
public final class ApplySet {
    static final String ID_LABEL = "applyset.kubernetes.io/id";
    static final String PART_OF_LABEL = "applyset.kubernetes.io/part-of";
    static final String TOOLING = "applyset.kubernetes.io/tooling";
    static final String GROUP_KINDS = "applyset.kubernetes.io/contains-group-kinds";
    static final String NAMESPACES = "applyset.kubernetes.io/additional-namespaces";
    static final String TOOL_NAME = "kubectl";
    /** kubectl's {@code ApplySet.FieldManager()}: the same manager, so either tool can update the parent. */
    static final String FIELD_MANAGER = "kubectl-applyset";

    private final Connection connection;
    private final Discovery discovery;
    private final ApiResource parentType;
    private final String name;
    private final String namespace;
    private final Set<String> currentKinds = new TreeSet<>();
    private final Set<String> currentNamespaces = new TreeSet<>();
    private final Set<String> updatedKinds = new TreeSet<>();
    private final Set<String> updatedNamespaces = new TreeSet<>();

    private ApplySet(Connection connection, Discovery discovery, ApiResource parentType, String name, String namespace) {
        this.connection = connection;
        this.discovery = discovery;
        this.parentType = parentType;
        this.name = name;
        this.namespace = namespace;
    }

    /**
     * {@code [RESOURCE][.GROUP]/NAME}, a Secret when no resource is given. As in kubectl the parent's namespace is
     * only ever the one given with {@code -n}, never the kubeconfig's default.
     */
    public static ApplySet parse(String reference, Connection connection, Discovery discovery) {
        int slash = reference.indexOf('/');
        String name = slash < 0 ? reference : reference.substring(slash + 1);
        String type = slash < 0 ? "secrets" : reference.substring(0, slash);
        if (name.isEmpty()) {
            throw new IllegalArgumentException("invalid parent reference \"" + reference + "\": name cannot be blank");
        }
        ApiResource resource = discovery.resolve(type).orElseThrow(() -> new IllegalArgumentException(
                "invalid parent reference \"" + reference + "\": the server doesn't have a resource type \"" + type
                        + "\""));
        if (!resource.group().isEmpty()
                || !resource.plural().equals("secrets") && !resource.plural().equals("configmaps")) {
            throw new IllegalArgumentException("resource \"" + resource.qualifiedPlural() + "\" is not permitted as an "
                    + "ApplySet parent: jctl keeps ApplySets in Secrets or ConfigMaps");
        }
        if (!connection.namespaceEnforced()) {
            throw new IllegalArgumentException("namespace is required to use namespace-scoped ApplySet");
        }
        return new ApplySet(connection, discovery, resource, name, connection.namespace());
    }

    /** {@code applyset-<base64url(sha256(<name>.<namespace>.<kind>.<group>))>-v1}, kubectl's {@code ID()}. */
    public String id() {
        String unencoded = String.join(".", name, namespace, parentType.kind(), parentType.group());
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(unencoded.getBytes(StandardCharsets.UTF_8));
            return "applyset-" + Base64.getUrlEncoder().withoutPadding().encodeToString(hash) + "-v1";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    /** kubectl's {@code String()} of the parent reference, which its errors quote. */
    private String reference() {
        return parentType.plural() + "." + parentType.group() + "/" + name;
    }

    /** Copies of the manifests with the member label; one that already sets it is refused, as kubectl does. */
    public List<Manifest> labelled(List<Manifest> manifests) {
        List<Manifest> out = new ArrayList<>();
        for (Manifest manifest : manifests) {
            ObjectNode object = manifest.object().deepCopy();
            ObjectNode labels = object.withObjectProperty("metadata").withObjectProperty("labels");
            if (labels.has(PART_OF_LABEL)) {
                throw new IllegalArgumentException("ApplySet label \"" + PART_OF_LABEL + "\" already set in input data");
            }
            labels.put(PART_OF_LABEL, id());
            out.add(new Manifest(object, manifest.source(), manifest.documentIndex(), manifest.line()));
        }
        return out;
    }

    /** Reads the live parent (checking it is this set's) and widens it to cover the members about to be applied. */
    public void beforeApply(List<Manifest> members, DryRun dryRun, PrintWriter warnings) {
        fetchParent();
        for (Manifest member : members) {
            ApiResource resource = discovery.forKind(member.apiVersion(), member.kind()).orElseThrow(
                    () -> new IllegalArgumentException("no matches for kind \"" + member.kind() + "\" in version \""
                            + member.apiVersion() + "\""));
            updatedKinds.add(Pruner.groupKind(resource));
            if (resource.namespaced()) {
                updatedNamespaces.add(member.namespace().isEmpty() ? connection.namespace() : member.namespace());
            }
        }
        updateParent(union(currentKinds, updatedKinds), union(currentNamespaces, updatedNamespaces), dryRun, warnings);
    }

    /** Deletes the members of the set as it was before this run that were not applied now. */
    public void prune(Pruner pruner, Set<String> applied, DryRun dryRun, Consumer<JsonNode> pruned) {
        List<Pruner.Scope> scopes = new ArrayList<>();
        for (String groupKind : currentKinds) {
            ApiResource resource = forGroupKind(groupKind);
            if (resource.namespaced()) {
                currentNamespaces.forEach(ns -> scopes.add(new Pruner.Scope(resource, ns)));
            } else {
                scopes.add(new Pruner.Scope(resource, null));
            }
        }
        pruner.prune(scopes, PART_OF_LABEL + "=" + id(), object -> true, applied, dryRun, pruned);
    }

    /** After a successful prune the parent lists exactly this run's members. */
    public void afterPrune(DryRun dryRun, PrintWriter warnings) {
        try {
            updateParent(updatedKinds, updatedNamespaces, dryRun, warnings);
        } catch (IllegalStateException e) {
            throw new IllegalStateException("apply and prune succeeded, but ApplySet update failed: " + e.getMessage(),
                    e);
        }
    }

    private void fetchParent() {
        Connection.Answer answer = connection.exchange(Connection.Request.get(parentType.objectPath(namespace, name)));
        if (answer.code() == 404) {
            return;
        }
        if (answer.code() != 200) {
            throw new IllegalStateException("failed to fetch ApplySet parent object \"" + reference() + "\": "
                    + ApiException.ofAnswer(answer).getMessage());
        }
        JsonNode metadata = answer.json().path("metadata");
        JsonNode annotations = metadata.path("annotations");
        if (!annotations.has(TOOLING)) {
            throw new IllegalStateException("ApplySet parent object \"" + reference()
                    + "\" already exists and is missing required annotation \"" + TOOLING + "\"");
        }
        String tooling = annotations.path(TOOLING).asText();
        String managedBy = tooling.contains("/") ? tooling.substring(0, tooling.lastIndexOf('/')) : tooling;
        if (!managedBy.equals(TOOL_NAME)) {
            throw new IllegalStateException("ApplySet parent object \"" + reference()
                    + "\" already exists and is managed by tooling \"" + managedBy + "\" instead of \"" + TOOL_NAME
                    + "\"");
        }
        JsonNode idLabel = metadata.path("labels").get(ID_LABEL);
        if (idLabel == null) {
            throw new IllegalStateException("ApplySet parent object \"" + reference()
                    + "\" exists and does not have required label " + ID_LABEL);
        }
        if (!idLabel.asText().equals(id())) {
            throw new IllegalStateException("ApplySet parent object \"" + reference() + "\" exists and has incorrect "
                    + "value for label \"" + ID_LABEL + "\" (got: " + idLabel.asText() + ", want: " + id() + ")");
        }
        if (!annotations.has(GROUP_KINDS)) {
            throw new IllegalStateException("parsing ApplySet annotation on \"" + reference() + "\": jctl requires "
                    + "the \"" + GROUP_KINDS + "\" annotation to be set on all ApplySet parent objects");
        }
        split(annotations.path(GROUP_KINDS).asText(), currentKinds);
        split(annotations.path(NAMESPACES).asText(), currentNamespaces);
        currentNamespaces.add(namespace);
    }

    /** A server-side apply of the parent's metadata by kubectl's applyset field manager, forced on conflict. */
    private void updateParent(Set<String> kinds, Set<String> namespaces, DryRun dryRun, PrintWriter warnings) {
        if (dryRun == DryRun.CLIENT) {
            return;
        }
        Set<String> additional = new TreeSet<>(namespaces);
        additional.remove(namespace);
        ObjectNode patch = Connection.JSON.createObjectNode();
        patch.put("kind", parentType.kind()).put("apiVersion", parentType.apiVersion());
        ObjectNode metadata = patch.putObject("metadata");
        metadata.put("name", name).put("namespace", namespace);
        metadata.putObject("annotations").put(TOOLING, TOOL_NAME + "/v" + BuildInfo.current().version() + "+jctl")
                .put(GROUP_KINDS, String.join(",", kinds)).put(NAMESPACES, String.join(",", additional));
        metadata.putObject("labels").put(ID_LABEL, id());
        Connection.Answer answer = sendParent(patch, dryRun, false);
        if (answer.code() == 409) {
            warnings.println("Warning: failed to update ApplySet: " + ApiException.ofAnswer(answer).getMessage()
                    + "\nApplySet field manager " + FIELD_MANAGER + " should own these fields. Retrying with "
                    + "conflicts forced.");
            warnings.flush();
            answer = sendParent(patch, dryRun, true);
        }
        if (answer.code() < 200 || answer.code() > 299) {
            throw new IllegalStateException("failed to update ApplySet: " + ApiException.ofAnswer(answer).getMessage());
        }
    }

    private Connection.Answer sendParent(ObjectNode patch, DryRun dryRun, boolean force) {
        String query = "?fieldManager=" + FIELD_MANAGER + "&force=" + force
                + (dryRun == DryRun.SERVER ? "&dryRun=All" : "");
        return connection.exchange(new Connection.Request("PATCH", parentType.objectPath(namespace, name) + query,
                PatchType.APPLY.contentType(), patch.toString(), "application/json"));
    }

    /** The preferred version's resource for {@code Kind.group} (or a core {@code Kind}), as kubectl's mapper. */
    private ApiResource forGroupKind(String groupKind) {
        int dot = groupKind.indexOf('.');
        String kind = dot < 0 ? groupKind : groupKind.substring(0, dot);
        String group = dot < 0 ? "" : groupKind.substring(dot + 1);
        return discovery.resources().stream().filter(r -> r.kind().equals(kind) && r.group().equals(group))
                .findFirst().orElseThrow(() -> new IllegalStateException("parsing ApplySet annotation on \""
                        + reference() + "\": could not find mapping for kind in \"" + GROUP_KINDS + "\" annotation: "
                        + "no matches for kind \"" + kind + "\" in group \"" + group + "\""));
    }

    private static void split(String list, Set<String> into) {
        for (String entry : list.split(",")) {
            if (!entry.isEmpty()) {
                into.add(entry);
            }
        }
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> out = new TreeSet<>(a);
        out.addAll(b);
        return out;
    }
}
