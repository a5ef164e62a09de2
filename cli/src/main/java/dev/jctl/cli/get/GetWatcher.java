package dev.jctl.cli.get;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jctl.cli.client.ApiResource;
import dev.jctl.cli.client.Connection;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * {@code get -w|--watch-only}, as kubectl runs it: list (or get the one named object), print it (unless
 * {@code --watch-only}), then watch from the resourceVersion read and print each event as it arrives, as a table
 * row under the one header, or as an object or {@code --output-watch-events} event in the other formats. A
 * {@code 410 Gone} (the revision compacted away) lists again and watches on from there. The server ending the
 * watch or the request timeout ends it with exit 0; {@link #stop()} (Ctrl-C) with exit 1, as kubectl's.
 */
public final class GetWatcher {
    /** A line of watch {@code stream}, its end (null line), or the stop request (stream -1). */
    private record Signal(int stream, String line) {
    }

    private static final Signal STOP = new Signal(-1, null);
    private static final String STOPPED = "stopped";
    private static final String GONE = "gone";

    private final Getter getter;
    private final PrintOptions options;
    private final PrintWriter out;
    private final PrintWriter err;
    private final BlockingQueue<Signal> signals = new LinkedBlockingQueue<>();
    private TablePrinter table;
    private GenericPrinter generic;
    private TabWriter tab;

    public GetWatcher(Getter getter, PrintOptions options, PrintWriter out, PrintWriter err) {
        this.getter = getter;
        this.options = options;
        this.out = out;
        this.err = err;
    }

    /** Makes {@link #run} return 1 at once, from any thread. */
    public void stop() {
        signals.add(STOP);
    }

    /**
     * @param timeout null to watch until the server ends the watch
     * @return the exit code
     */
    public int run(Getter.Query query, boolean watchOnly, boolean outputEvents, Duration timeout) {
        List<ApiResource> resources = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (ResourceArguments.Selection selection : query.selections()) {
            for (ApiResource resource : getter.resolve(selection.types())) {
                if (!resources.contains(resource)) {
                    resources.add(resource);
                }
            }
            names.addAll(selection.names());
        }
        if (resources.size() != 1) {
            throw new IllegalArgumentException("you may only specify a single resource type");
        }
        if (options.sortBy() != null) {
            err.println(watchOnly ? "warning: --watch-only requested, --sort-by will be ignored"
                    : "warning: --watch requested, --sort-by will be ignored for watch events received");
            err.flush();
        }
        ApiResource resource = resources.get(0);
        String name = names.size() == 1 ? names.get(0) : null;
        tab = new TabWriter(out);
        if (options.format().humanReadable()) {
            table = new TablePrinter(options.table(options.allNamespaces(),
                    options.showKind() ? resource.qualifiedKind() : null));
        } else {
            generic = new GenericPrinter(options.format(), options.noHeaders(), out);
        }
        String resourceVersion = printCurrent(resource, query, names, watchOnly, outputEvents);
        if (names.size() > 1) {
            throw new IllegalArgumentException("you may only watch a single resource or type of resource at a time");
        }
        long deadline = timeout == null || timeout.isZero() ? Long.MAX_VALUE : System.nanoTime() + timeout.toNanos();
        for (int id = 0; ; id++) {
            int current = id;
            Connection.LineStream stream = getter.watch(resource, query, name, resourceVersion,
                    line -> signals.add(new Signal(current, line)));
            stream.done().whenComplete((code, failure) -> signals.add(new Signal(current, null)));
            try {
                String next = follow(current, deadline, outputEvents);
                if (next == null) {
                    return 0;
                }
                if (next.equals(STOPPED)) {
                    return 1;
                }
                // 410 Gone: what happened meanwhile is lost, so the current state is listed again.
                resourceVersion = printCurrent(resource, query, names, false, outputEvents);
            } finally {
                stream.cancel().run();
            }
        }
    }

    /** Prints the events of {@code stream} until it ends (null), is stopped ({@link #STOPPED}) or expires ({@link #GONE}). */
    private String follow(int stream, long deadline, boolean outputEvents) {
        while (true) {
            Signal signal;
            try {
                long left = deadline - System.nanoTime();
                signal = left <= 0 ? null : signals.poll(left, TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return STOPPED;
            }
            if (signal == STOP) {
                return STOPPED;
            }
            if (signal == null || signal.stream() == stream && signal.line() == null) {
                return null;
            }
            String line = signal.line();
            if (signal.stream() != stream || line.isBlank()) {
                continue;
            }
            JsonNode event = parse(line);
            String type = event.path("type").asText();
            JsonNode object = event.path("object");
            if (type.equals("BOOKMARK")) {
                continue;
            }
            if (type.equals("ERROR")) {
                if (object.path("code").asInt() == 410) {
                    return GONE;
                }
                throw new IllegalStateException(object.path("message").asText(line));
            }
            print(object, outputEvents ? type : null);
        }
    }

    /** Lists (or gets the one named object), prints it unless {@code quiet}, and returns its resourceVersion. */
    private String printCurrent(ApiResource resource, Getter.Query query, List<String> names, boolean quiet,
                                boolean outputEvents) {
        List<JsonNode> documents = new ArrayList<>();
        String resourceVersion;
        if (names.isEmpty()) {
            // in chunks even to sort: kubectl sorts each page of a watch's listing on its own
            List<JsonNode> pages = getter.list(resource, query, query.chunkSize());
            resourceVersion = pages.get(pages.size() - 1).path("metadata").path("resourceVersion").asText();
            for (JsonNode page : pages) {
                if (Getter.isTable(page)) {
                    documents.add(options.sortBy() == null ? page : sortRows(page));
                } else {
                    page.path("items").forEach(documents::add);
                }
            }
        } else {
            for (String name : names) {
                documents.add(getter.object(resource, query, name));
            }
            JsonNode last = documents.get(documents.size() - 1);
            resourceVersion = last.path("metadata").path("resourceVersion").asText();
        }
        for (JsonNode document : documents) {
            if (!quiet && table != null) {
                // one flush for them all, as kubectl: the pages of a chunked listing share their column widths
                table.print(document, outputEvents ? "ADDED" : null, tab);
            } else if (!quiet) {
                print(document, outputEvents ? "ADDED" : null);
            } else if (table != null && Getter.isTable(document)) {
                // Rows left out, columns kept: the first event then prints the header.
                ObjectNode columnsOnly = document.deepCopy();
                columnsOnly.putArray("rows");
                table.print(columnsOnly, null, tab);
            }
        }
        tab.flush();
        return resourceVersion;
    }

    private JsonNode sortRows(JsonNode table) {
        try {
            return ObjectSorter.of(options.sortBy()).sortRows(table);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unable to output the provided object: " + e.getMessage(), e);
        }
    }

    private void print(JsonNode document, String eventType) {
        if (table != null) {
            table.print(document, eventType, tab);
            tab.flush();
        } else if (eventType != null) {
            generic.printEvent(eventType, document);
        } else {
            generic.print(document);
        }
    }

    private static JsonNode parse(String line) {
        try {
            return Connection.JSON.readTree(line);
        } catch (IOException e) {
            throw new IllegalStateException("unable to decode an event from the watch stream: " + e.getMessage(), e);
        }
    }
}
