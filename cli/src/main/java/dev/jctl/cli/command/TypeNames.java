package dev.jctl.cli.command;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/** kubectl's object arguments: {@code TYPE NAME...} or {@code TYPE/NAME...}, as (type, name) pairs. */
final class TypeNames {
    private TypeNames() {
    }

    static List<String[]> parse(CommandSpec spec, List<String> arguments) {
        List<String[]> targets = new ArrayList<>();
        if (arguments.get(0).contains("/")) {
            for (String argument : arguments) {
                int slash = argument.indexOf('/');
                if (slash < 0) {
                    throw new ParameterException(spec.commandLine(), "there is no need to specify a resource type as "
                            + "a separate argument when passing arguments in resource/name form");
                }
                targets.add(new String[] {argument.substring(0, slash), argument.substring(slash + 1)});
            }
            return targets;
        }
        if (arguments.size() == 1) {
            throw new ParameterException(spec.commandLine(), "resource(s) were provided, but no name was specified");
        }
        for (String name : arguments.subList(1, arguments.size())) {
            targets.add(new String[] {arguments.get(0), name});
        }
        return targets;
    }
}
