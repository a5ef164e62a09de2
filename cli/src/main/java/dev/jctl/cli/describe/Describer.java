package dev.jctl.cli.describe;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jctl.cli.client.ApiException;
import dev.jctl.cli.client.ApiResource;
import dev.jctl.cli.client.Connection;
import dev.jctl.cli.client.Discovery;
import dev.jctl.cli.client.ManifestLocation;
import dev.jctl.cli.get.Getter;
import dev.jctl.cli.get.ResourceArguments;
import dev.jctl.diff.io.Manifest;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code describe}, as kubectl runs it: finds the objects named by {@code TYPE [NAME...]}, {@code TYPE/NAME...},
 * a listing ({@code -l}, {@code -A}) or manifests, and describes each with the describer of its kind. A single
 * {@code TYPE NAME} that does not exist describes every object whose name starts with NAME instead.
 */
public final class Describer {
    private final Connection connection;
    private final Discovery discovery;
    private final DescribeContext context;

    public Describer(Connection connection, Discovery discovery, DescribeContext context) {
        this.connection = connection;
        this.discovery = discovery;
        this.context = context;
    }

    /**
     * What to describe: type arguments, or manifests read from {@code -f} (then {@code arguments} is empty).
     *
     * @param selector null for none
     */
    public record Request(List<String> arguments, List<Manifest> manifests, String selector, boolean allNamespaces) {
        public Request {
            arguments = List.copyOf(arguments);
            manifests = List.copyOf(manifests);
        }
    }

    /**
     * The descriptions as kubectl prints them on stdout, the errors (kubectl's lines, each once) and the notice
     * for an empty listing (null when something was found or failed).
     */
    public record Result(String output, List<String> errors, String notice) {
    }

    /** An object to describe: where it lives and, when already read, the object itself. */
    private record Target(ApiResource resource, String namespace, String name, JsonNode object) {
    }

    /** @throws IllegalArgumentException for arguments kubectl refuses before asking the server */
    public Result describe(Request request) {
        Set<String> errors = new LinkedHashSet<>();
        List<Target> targets = new ArrayList<>();
        if (!request.manifests().isEmpty()) {
            for (Manifest manifest : request.manifests()) {
                targets.add(fromManifest(manifest));
            }
        } else {
            boolean typeThenNames = !request.arguments().get(0).contains("/");
            for (ResourceArguments.Selection selection : ResourceArguments.parse(request.arguments())) {
                ApiResource resource = resolve(selection.types());
                if (typeThenNames && !selection.names().isEmpty() && request.selector() != null) {
                    throw new IllegalArgumentException("name cannot be provided when a selector is specified");
                }
                if (selection.names().isEmpty()) {
                    targets.addAll(listed(resource, request));
                } else {
                    selection.names().forEach(name -> targets.add(named(resource, name)));
                }
            }
        }
        List<Target> found = new ArrayList<>();
        ApiException firstMissing = null;
        for (Target target : targets) {
            try {
                found.add(target.object() != null ? target : read(target));
            } catch (ApiException e) {
                firstMissing = firstMissing == null ? e : firstMissing;
                errors.add(e.kubectlMessage());
            }
        }
        if (firstMissing != null && firstMissing.isNotFound() && request.manifests().isEmpty()
                && request.arguments().size() == 2 && !request.arguments().get(0).contains("/")) {
            return byPrefix(targets.get(0).resource(), request.arguments().get(1), firstMissing);
        }
        StringBuilder output = new StringBuilder();
        for (Target target : found) {
            try {
                String text = describe(target);
                output.append(output.isEmpty() ? "" : "\n\n").append(text);
            } catch (ApiException e) {
                errors.add(e.kubectlMessage());
            }
        }
        String notice = null;
        if (found.isEmpty() && errors.isEmpty()) {
            notice = request.allNamespaces() ? "No resources found"
                    : "No resources found in " + connection.namespace() + " namespace.";
        }
        return new Result(output.toString(), List.copyOf(errors), notice);
    }

    private ApiResource resolve(String type) {
        return discovery.resolve(type).orElseThrow(() -> new IllegalArgumentException(
                "the server doesn't have a resource type \"" + type + "\""));
    }

    private Target named(ApiResource resource, String name) {
        return new Target(resource, resource.namespaced() ? connection.namespace() : "", name, null);
    }

    private Target fromManifest(Manifest manifest) {
        ManifestLocation at = ManifestLocation.of(manifest, discovery, connection);
        return new Target(at.resource(), at.namespace() == null ? "" : at.namespace(), manifest.name(), null);
    }

    private List<Target> listed(ApiResource resource, Request request) {
        String namespace = request.allNamespaces() ? null : connection.namespace();
        List<Target> targets = new ArrayList<>();
        for (JsonNode item : context.list(resource.collectionPath(namespace), request.selector(), null)) {
            JsonNode metadata = item.path("metadata");
            targets.add(new Target(resource, Text.str(metadata.path("namespace")), metadata.path("name").asText(),
                    Getter.typed(resource, item)));
        }
        return targets;
    }

    private Target read(Target target) {
        JsonNode object = connection.get(target.resource().objectPath(target.namespace(), target.name()));
        return new Target(target.resource(), target.namespace(), target.name(), Getter.typed(target.resource(), object));
    }

    private String describe(Target target) {
        PrefixWriter w = new PrefixWriter();
        KindDescribers.forKind(target.resource().group(), target.resource().kind()).describe(context, target.object(),
                w);
        return w.text();
    }

    /** kubectl's {@code DescribeMatchingResources}: every object of the namespace whose name starts so. */
    private Result byPrefix(ApiResource resource, String prefix, ApiException notFound) {
        StringBuilder output = new StringBuilder();
        for (JsonNode item : context.list(resource.collectionPath(connection.namespace()), null, null)) {
            JsonNode metadata = item.path("metadata");
            if (metadata.path("name").asText().startsWith(prefix)) {
                Target target = new Target(resource, Text.str(metadata.path("namespace")),
                        metadata.path("name").asText(), Getter.typed(resource, item));
                output.append(describe(target)).append('\n');
            }
        }
        if (output.isEmpty()) {
            return new Result("", List.of(notFound.kubectlMessage()), null);
        }
        return new Result(output.toString(), List.of(), null);
    }
}
