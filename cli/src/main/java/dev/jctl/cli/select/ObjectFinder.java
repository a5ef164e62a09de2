package dev.jctl.cli.select;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jctl.cli.apply.ManifestSources;
import dev.jctl.cli.client.ApiException;
import dev.jctl.cli.client.ApiResource;
import dev.jctl.cli.client.Connection;
import dev.jctl.cli.client.Discovery;
import dev.jctl.cli.client.ManifestLocation;
import dev.jctl.cli.edit.Resources;
import dev.jctl.cli.get.Getter;
import dev.jctl.cli.get.ResourceArguments;
import dev.jctl.diff.io.Manifest;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a {@link Selection} into the objects it names, in kubectl's resource builder's order and with its
 * errors: argument mistakes fail the whole command before any object is touched, while an object that cannot
 * be read is reported as such and the others are still visited (its ContinueOnError).
 */
public final class ObjectFinder {
    /** kubectl's builder's error for no resource arguments. */
    public static final String NO_RESOURCES = "You must provide one or more resources by argument or filename.\n"
            + "Example resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n"
            + "   '<resource> <name>'\n   '<resource>'";

    private final Connection connection;
    private final Discovery discovery;
    private final InputStream stdin;
    private final boolean latest;
    private final String subresource;

    public ObjectFinder(Connection connection, Discovery discovery, InputStream stdin) {
        this(connection, discovery, stdin, true, null);
    }

    private ObjectFinder(Connection connection, Discovery discovery, InputStream stdin, boolean latest,
                         String subresource) {
        this.connection = connection;
        this.discovery = discovery;
        this.stdin = stdin;
        this.latest = latest;
        this.subresource = subresource;
    }

    /**
     * A finder that keeps the objects of {@code -f} files as written (kubectl's builder without {@code Latest()},
     * as patch uses it): their namespace filled in, nothing read from the server for them.
     */
    public ObjectFinder filesAsWritten() {
        return new ObjectFinder(connection, discovery, stdin, false, subresource);
    }

    /** A finder that reads the objects named by arguments at this subresource ({@code status}, {@code scale}). */
    public ObjectFinder atSubresource(String name) {
        return new ObjectFinder(connection, discovery, stdin, latest, name == null || name.isEmpty() ? null : name);
    }

    /**
     * One object: {@code object} is its live state, or its manifest for a local object; {@code error} says why
     * it could not be read, and then {@code object} is null.
     *
     * @param resource  null for a local object, which is never mapped through the server
     * @param namespace null for a cluster-scoped resource
     */
    public record Item(ApiResource resource, String namespace, String name, JsonNode object, ApiException error) {
        /** {@code deployments/web}: how kubectl's wait names an object in its errors. */
        public String objectName() {
            return resource.plural() + "/" + name;
        }
    }

    /**
     * The objects found. {@code singleItemImplied} is kubectl's notion of "the arguments name exactly one object"
     * (one TYPE/NAME, one name, one file), which {@code --resource-version} requires.
     */
    public record Found(List<Item> items, boolean singleItemImplied) {
    }

    /**
     * The objects of the {@code -f} files as written, for {@code --local}: nothing is asked of a server.
     *
     * @throws IllegalArgumentException without {@code -f}, in kubectl's builder's words
     */
    public static Found local(Selection selection, InputStream stdin) {
        if (selection.filenames().isEmpty()) {
            throw new IllegalArgumentException(NO_RESOURCES);
        }
        List<Item> items = new ArrayList<>();
        for (Manifest m : new ManifestSources(stdin).read(selection.filenames(), selection.recursive())) {
            items.add(new Item(null, m.namespace().isEmpty() ? null : m.namespace(), m.name(), m.object(), null));
        }
        return new Found(items, singleFile(selection));
    }

    /**
     * The objects the selection names, each read from the server as kubectl's builder does with {@code Latest()}.
     *
     * @throws IllegalArgumentException for arguments kubectl's builder refuses, with its message
     */
    public Found find(Selection selection) {
        List<String> arguments = selection.arguments();
        List<String[]> tuples = arguments.isEmpty() ? List.of() : tuples(arguments);
        if (!selection.filenames().isEmpty()) {
            if (!arguments.isEmpty()) {
                throw new IllegalArgumentException(arguments.get(0).contains("/")
                        ? "resource/name arguments cannot be provided when a path is specified"
                        : "when paths, URLs, or stdin is provided as input, you may not specify resource arguments "
                        + "as well");
            }
            return fromFiles(selection);
        }
        // As kubectl's builder: --all selects everything only when a bare type is given, and is ignored otherwise.
        boolean everything = selection.all() && arguments.size() == 1 && !arguments.get(0).contains("/");
        boolean bulk = selection.selector() != null || everything;
        if (arguments.isEmpty()) {
            throw new IllegalArgumentException(bulk ? "at least one resource must be specified to use a selector"
                    : NO_RESOURCES);
        }
        if (bulk) {
            ResourceArguments.refuseNamesWithSelector(arguments);
            return new Found(listed(arguments.get(0), selection), false);
        }
        if (tuples.isEmpty()) {
            for (String type : arguments.get(0).split(",")) {
                Resources.resolve(discovery, type);
            }
            throw new IllegalArgumentException("resource(s) were provided, but no name was specified");
        }
        List<Item> items = new ArrayList<>();
        for (String[] tuple : tuples) {
            ApiResource resource = Resources.resolve(discovery, tuple[0]);
            items.add(item(resource, namespaceFor(resource), tuple[1]));
        }
        return new Found(items, tuples.size() == 1);
    }

    /** {@code TYPE NAME...} or {@code TYPE/NAME...} as (type, name) pairs, none for a bare {@code TYPE}. */
    private static List<String[]> tuples(List<String> arguments) {
        List<String[]> tuples = new ArrayList<>();
        for (ResourceArguments.Selection selection : ResourceArguments.parse(arguments)) {
            for (String type : selection.types().split(",")) {
                for (String name : selection.names()) {
                    tuples.add(new String[] {type, name});
                }
            }
        }
        return tuples;
    }

    private List<Item> listed(String types, Selection selection) {
        String query = "?labelSelector=" + URLEncoder.encode(selection.selector() == null ? "" : selection.selector(),
                StandardCharsets.UTF_8);
        List<ApiResource> resources = new ArrayList<>();
        for (String type : types.split(",")) {
            resources.add(Resources.resolve(discovery, type));
        }
        List<Item> items = new ArrayList<>();
        for (ApiResource resource : resources) {
            String namespace = selection.allNamespaces() ? null : namespaceFor(resource);
            for (JsonNode object : connection.get(resource.collectionPath(namespace) + query).path("items")) {
                JsonNode metadata = object.path("metadata");
                items.add(new Item(resource, resource.namespaced() ? metadata.path("namespace").asText() : null,
                        metadata.path("name").asText(), Getter.typed(resource, object), null));
            }
        }
        return items;
    }

    private Found fromFiles(Selection selection) {
        List<Item> items = new ArrayList<>();
        for (Manifest m : new ManifestSources(stdin).read(selection.filenames(), selection.recursive())) {
            ManifestLocation at = ManifestLocation.of(m, discovery, connection);
            items.add(latest ? item(at.resource(), at.namespace(), m.name()) : asWritten(m, at));
        }
        return new Found(items, singleFile(selection));
    }

    /** One file (not a directory, not standard input) implies one object, as kubectl's builder reckons. */
    private static boolean singleFile(Selection selection) {
        return selection.filenames().size() == 1 && !selection.filenames().get(0).equals("-")
                && !Files.isDirectory(Path.of(selection.filenames().get(0)));
    }

    /** kubectl's SetNamespace: an object that names no namespace gets the one it is sent to. */
    private static Item asWritten(Manifest m, ManifestLocation at) {
        ObjectNode object = m.object().deepCopy();
        if (at.namespace() != null && m.namespace().isEmpty()) {
            object.withObjectProperty("metadata").put("namespace", at.namespace());
        }
        return new Item(at.resource(), at.namespace(), m.name(), object, null);
    }

    private Item item(ApiResource resource, String namespace, String name) {
        String path = resource.objectPath(namespace, name) + (subresource == null ? "" : "/" + subresource);
        try {
            return new Item(resource, namespace, name, connection.get(path), null);
        } catch (ApiException e) {
            return new Item(resource, namespace, name, null, e);
        }
    }

    private String namespaceFor(ApiResource resource) {
        return resource.namespaced() ? connection.namespace() : null;
    }
}
