package dev.jctl.cli.select;

import java.util.List;

/**
 * Which objects a command acts on, as kubectl's resource builder takes them: {@code TYPE NAME...},
 * {@code TYPE/NAME...}, {@code TYPE[,TYPE] -l SEL | --all} (in one namespace or with {@code -A} in all), or the
 * objects of {@code -f} files.
 *
 * @param arguments     the resource arguments ({@code TYPE NAME...} or {@code TYPE/NAME...})
 * @param filenames     {@code -f} paths, URLs or {@code -}
 * @param selector      {@code -l}, null for none
 */
public record Selection(List<String> arguments, List<String> filenames, boolean recursive, String selector,
                        boolean all, boolean allNamespaces) {
    public Selection {
        arguments = List.copyOf(arguments);
        filenames = List.copyOf(filenames);
        selector = selector == null || selector.isBlank() ? null : selector.strip();
    }
}
