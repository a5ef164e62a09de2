package dev.jctl.runtime.apiserver.crd;

import dev.jctl.runtime.apiserver.registry.KindInfo;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The naming controller's check: within one group no two resources may share a plural, singular or short name,
 * nor a kind or list kind. The first CRD to claim a name keeps it; a later one is not served and its
 * NamesAccepted condition says which name is taken, in upstream's reasons and words.
 */
final class NameConflicts {
    /** Why a CRD's names were not accepted: the condition's reason and message. */
    record Conflict(String reason, String message) {
    }

    private NameConflicts() {
    }

    /** {@code served} is everything the registry serves; the CRD's own resource is ignored. */
    static Optional<Conflict> find(String group, CrdNames names, List<KindInfo> served) {
        Set<String> resources = new HashSet<>();
        Set<String> kinds = new HashSet<>();
        for (KindInfo k : served) {
            if (k.group().equals(group) && !k.plural().equals(names.plural())) {
                resources.add(k.plural());
                resources.add(k.singular());
                resources.addAll(k.shortNames());
                kinds.add(k.kind());
                kinds.add(k.listKind());
            }
        }
        if (resources.contains(names.plural())) {
            return conflict("PluralConflict", names.plural());
        }
        if (resources.contains(names.singular())) {
            return conflict("SingularConflict", names.singular());
        }
        for (String shortName : names.shortNames()) {
            if (resources.contains(shortName)) {
                return conflict("ShortNamesConflict", shortName);
            }
        }
        if (kinds.contains(names.kind())) {
            return conflict("KindConflict", names.kind());
        }
        if (kinds.contains(names.listKind())) {
            return conflict("ListKindConflict", names.listKind());
        }
        return Optional.empty();
    }

    private static Optional<Conflict> conflict(String reason, String name) {
        return Optional.of(new Conflict(reason, "\"" + name + "\" is already in use"));
    }
}
