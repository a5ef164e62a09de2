package dev.jctl.cli.get;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jctl.cli.client.ApiResource;
import java.io.PrintWriter;
import java.util.List;

/**
 * Prints what {@link Getter} found as kubectl get does. Tables: one per resource type (the pages of a chunked
 * listing merged into it), separated by a blank line, with {@code kind.group/name} names when several types were
 * read or {@code --show-kind} asks, and "No resources found" on stderr when no row was printed (unless
 * {@code --ignore-not-found}). Other formats: the object itself when one type and one name were asked for, else a
 * {@code v1 List} of all the objects, or nothing at all with {@code --ignore-not-found} when nothing was found.
 * The errors of failed reads come last, on stderr.
 */
public final class ResultPrinter {
    private final PrintOptions options;

    public ResultPrinter(PrintOptions options) {
        this.options = options;
    }

    /** @return the exit code: 1 when a read failed */
    public int print(Getter.Query query, Getter.Found found, PrintWriter out, PrintWriter err) {
        if (options.format().humanReadable()) {
            String nothingFound = printTables(found.items(), out);
            if (nothingFound != null && found.errors().isEmpty() && !query.ignoreNotFound()) {
                err.println(nothingFound);
            }
        } else if (!(query.singleItemImplied() && !found.errors().isEmpty())
                && !(query.ignoreNotFound() && found.items().isEmpty())) {
            // kubectl prints only the error when the one object asked for is missing, and with
            // --ignore-not-found nothing at all (not even an empty List) when nothing was found
            printObjects(query, found, out);
        }
        found.errors().forEach(err::println);
        err.flush();
        return found.errors().isEmpty() ? 0 : 1;
    }

    private void printObjects(Getter.Query query, Getter.Found found, PrintWriter out) {
        List<JsonNode> objects = found.items().stream().map(Getter.Item::document).toList();
        GenericPrinter printer = new GenericPrinter(options.format(), options.noHeaders(), out);
        if (query.singleItemImplied() && objects.size() == 1) {
            printer.print(objects.get(0));
        } else {
            if (options.sortBy() != null) {
                objects = ObjectSorter.of(options.sortBy()).sort(objects, o -> o);
            }
            printer.print(Getter.list(objects));
        }
    }

    /** @return kubectl's "No resources found" notice when no row was printed, else null */
    private String printTables(List<Getter.Item> items, PrintWriter out) {
        ObjectSorter sorter = options.sortBy() == null ? null : ObjectSorter.of(options.sortBy());
        if (sorter != null && items.size() > 1) {
            // kubectl sorts several documents as objects, Tables included (whose fields are seldom what was asked).
            items = sorter.sort(items, Getter.Item::document);
        }
        boolean severalKinds = items.stream().map(i -> i.resource().apiVersion() + "/" + i.resource().kind())
                .distinct().count() > 1;
        boolean allNamespaced = !options.allNamespaces();
        TabWriter tab = new TabWriter(out);
        TablePrinter printer = null;
        ApiResource last = null;
        for (Getter.Item item : items) {
            allNamespaced &= item.resource().namespaced();
            if (printer == null || !item.resource().equals(last)) {
                tab.flush();
                tab.forgetWidths();
                if (last != null && !options.noHeaders() && tab.written()) {
                    tab.separateNext();
                }
                printer = new TablePrinter(options.table(options.allNamespaces() && item.resource().namespaced(),
                        severalKinds || options.showKind() ? item.resource().qualifiedKind() : null));
                last = item.resource();
            }
            JsonNode document = item.document();
            if (sorter != null && Getter.isTable(document)) {
                try {
                    document = sorter.sortRows(document);
                } catch (IllegalArgumentException e) {
                    // kubectl ignores the table printer's error: the table is left out.
                    continue;
                }
            }
            printer.print(document, null, tab);
        }
        tab.flush();
        if (tab.written()) {
            return null;
        }
        return allNamespaced ? "No resources found in " + options.namespace() + " namespace." : "No resources found";
    }
}
