package dev.jctl.cli.get;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * kubectl's resource arguments: {@code TYPE[,TYPE...] [NAME...]} or {@code TYPE/NAME...}, as the selections to
 * fetch in order.
 */
public final class ResourceArguments {
    private ResourceArguments() {
    }

    /**
     * @param types a comma-separated list of types as typed (names, short names, kinds, categories like {@code all})
     * @param names empty to list
     */
    public record Selection(String types, List<String> names) {
        public Selection {
            names = List.copyOf(names);
        }
    }

    /**
     * kubectl's builder lists by selector ({@code -l}, {@code --field-selector}) and so takes types only.
     *
     * @throws IllegalArgumentException in its words when {@code arguments} name objects
     */
    public static void refuseNamesWithSelector(List<String> arguments) {
        boolean severalTypes = arguments.size() > 1
                && Arrays.stream(arguments.get(0).split(",", -1)).distinct().count() > 1;
        if (arguments.stream().anyMatch(a -> a.contains("/")) || severalTypes) {
            // TYPE/NAME, and TYPE,TYPE NAME, which the builder turns into TYPE/NAME pairs
            throw new IllegalArgumentException("selectors and the all flag cannot be used when passing resource/name "
                    + "arguments");
        }
        if (arguments.size() > 1) {
            throw new IllegalArgumentException("name cannot be provided when a selector is specified");
        }
    }

    /**
     * @throws IllegalArgumentException in kubectl's builder's words: TYPE/NAME mixed with a separate TYPE, or a
     *                                  TYPE/NAME with more than one slash or more than one type
     */
    public static List<Selection> parse(List<String> arguments) {
        long slashed = arguments.stream().filter(a -> a.contains("/")).count();
        if (slashed == 0) {
            return List.of(new Selection(arguments.get(0), arguments.subList(1, arguments.size())));
        }
        if (slashed != arguments.size()) {
            throw new IllegalArgumentException("there is no need to specify a resource type as a separate argument when "
                    + "passing arguments in resource/name form (e.g. 'jctl get resource/<resource_name>' instead of "
                    + "'jctl get resource resource/<resource_name>'");
        }
        List<Selection> selections = new ArrayList<>();
        for (String argument : arguments) {
            String[] parts = argument.split("/", -1);
            if (parts.length != 2) {
                throw new IllegalArgumentException("arguments in resource/name form may not have more than one slash");
            }
            if (parts[0].isEmpty() || parts[1].isEmpty() || parts[0].contains(",")) {
                throw new IllegalArgumentException("arguments in resource/name form must have a single resource and name");
            }
            selections.add(new Selection(parts[0], List.of(parts[1])));
        }
        return selections;
    }
}
