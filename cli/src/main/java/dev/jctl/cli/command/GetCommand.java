package dev.jctl.cli.command;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jctl.cli.client.ApiException;
import dev.jctl.cli.client.Connection;
import dev.jctl.cli.client.Discovery;
import dev.jctl.cli.get.Getter;
import dev.jctl.cli.get.HumanDuration;
import dev.jctl.cli.get.JsonPathTemplate;
import dev.jctl.cli.get.TablePrinter;
import dev.jctl.cli.output.ObjectPrinter;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code jctl get TYPE [NAME...] | TYPE/NAME... [-o wide|yaml|json|name] [-l SEL] [-A] [--show-labels]}. */
@Command(name = "get", description = "Display one or many resources, with the server's columns, like kubectl get.")
public final class GetCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Mixin
    private ConnectionOptions connectionOptions;

    @Parameters(paramLabel = "TYPE [NAME...]", arity = "1..*",
            description = "The resource type (plural, singular, short name or kind) and names, or TYPE/NAME.")
    private List<String> arguments = new ArrayList<>();

    @Option(names = {"-o", "--output"}, paramLabel = "FORMAT", description = "One of wide, yaml, json, name or jsonpath=TEMPLATE.")
    private String output;

    @Option(names = {"-l", "--selector"}, paramLabel = "SELECTOR", description = "Label selector, e.g. app=web.")
    private String selector;

    @Option(names = {"-A", "--all-namespaces"}, description = "List across all namespaces.")
    private boolean allNamespaces;

    @Option(names = "--show-labels", description = "Show all labels as the last column.")
    private boolean showLabels;

    @Option(names = "--no-headers", description = "Do not print the column headers.")
    private boolean noHeaders;

    @Override
    public Integer call() {
        boolean table = output == null || output.equals("wide");
        JsonPathTemplate jsonPath = null;
        ObjectPrinter printer;
        try {
            if (output != null && output.startsWith("jsonpath=")) {
                jsonPath = JsonPathTemplate.parse(output.substring("jsonpath=".length()));
            }
            printer = ObjectPrinter.forOutput(table || jsonPath != null ? null : output);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage()
                    .replace("json,name,yaml", "json,jsonpath,name,wide,yaml"));
        }
        Getter.Query query = query();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Getter.Found found;
        String namespace;
        try (Connection connection = Connection.open(connectionOptions.settings(spec))) {
            found = new Getter(connection, new Discovery(connection)).get(query, table);
            namespace = connection.namespace();
        } catch (ApiException e) {
            err.println(e.kubectlMessage());
            err.flush();
            return 1;
        }
        if (found.documents().isEmpty() && found.errors().isEmpty() && query.names().isEmpty()) {
            err.println(allNamespaces || !found.resource().namespaced() ? "No resources found"
                    : "No resources found in " + namespace + " namespace.");
        } else if (table) {
            printTable(out, found);
        } else if (jsonPath != null) {
            JsonNode input = query.names().size() == 1 && !found.documents().isEmpty() ? found.documents().get(0)
                    : Getter.list(found.documents());
            out.print(jsonPath.execute(input));
            out.flush();
        } else if (output.equals("name")) {
            found.documents().forEach(o -> printer.print(out, o, ""));
        } else {
            printer.print(out, query.names().size() == 1 ? found.documents().get(0)
                    : Getter.list(found.documents()), "");
        }
        found.errors().forEach(err::println);
        err.flush();
        return found.errors().isEmpty() ? 0 : 1;
    }

    private Getter.Query query() {
        String first = arguments.get(0);
        if (first.contains("/")) {
            String type = first.substring(0, first.indexOf('/'));
            List<String> names = new ArrayList<>();
            for (String argument : arguments) {
                int slash = argument.indexOf('/');
                if (slash < 0 || !argument.substring(0, slash).equals(type)) {
                    throw new ParameterException(spec.commandLine(),
                            "there is no need to specify a resource type as a separate argument when passing "
                                    + "arguments in resource/name form (e.g. 'jctl get resource/<resource_name>' "
                                    + "instead of 'jctl get resource resource/<resource_name>'");
                }
                names.add(argument.substring(slash + 1));
            }
            return new Getter.Query(type, names, selector, allNamespaces);
        }
        return new Getter.Query(first, arguments.subList(1, arguments.size()), selector, allNamespaces);
    }

    private void printTable(PrintWriter out, Getter.Found found) {
        TablePrinter.Options options = new TablePrinter.Options("wide".equals(output),
                allNamespaces && found.resource().namespaced(), showLabels, noHeaders);
        List<JsonNode> tables = found.documents().stream().filter(d -> "Table".equals(d.path("kind").asText()))
                .toList();
        if (tables.size() == found.documents().size()) {
            new TablePrinter(options).print(out, tables);
            return;
        }
        // A server without Table support: kubectl falls back to NAME and AGE.
        List<List<String>> lines = new ArrayList<>();
        if (!noHeaders) {
            lines.add(options.namespaceColumn() ? List.of("NAMESPACE", "NAME", "AGE") : List.of("NAME", "AGE"));
        }
        Instant now = Instant.now();
        for (JsonNode object : found.documents()) {
            JsonNode metadata = object.path("metadata");
            String created = metadata.path("creationTimestamp").asText("");
            String age = created.isEmpty() ? "<unknown>"
                    : HumanDuration.of(Duration.between(Instant.parse(created), now));
            List<String> line = new ArrayList<>();
            if (options.namespaceColumn()) {
                line.add(metadata.path("namespace").asText());
            }
            line.add(metadata.path("name").asText());
            line.add(age);
            lines.add(line);
        }
        TablePrinter.write(out, lines);
    }
}
