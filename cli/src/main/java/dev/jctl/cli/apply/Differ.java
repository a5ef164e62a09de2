package dev.jctl.cli.apply;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jctl.diff.io.Manifest;
import dev.jctl.diff.render.Normalizer;
import dev.jctl.diff.render.ObjectPair;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code diff}: what apply would change, as kubectl diff computes it: the same apply sent as a server dry run,
 * so that defaults, admission and validation are the server's, and the answer compared with the live object.
 * Pairs come back normalised the way kubectl diff shows them (managedFields hidden, Secret values masked).
 */
public final class Differ {
    private static final Normalizer NORMALIZER = Normalizer.kubectlDiff();

    private final Applier applier;

    public Differ(Applier applier) {
        this.applier = applier;
    }

    /**
     * The live and merged sides of every object (null live for objects that do not exist yet), and the errors in
     * kubectl diff's words, in the order the objects were given.
     */
    public record Outcome(List<ObjectPair> pairs, List<RuntimeException> errors) {
    }

    public Outcome diff(List<Manifest> manifests, ApplyOptions options) {
        List<ObjectPair> pairs = new ArrayList<>();
        List<ApplyResult> failed = new ArrayList<>();
        applier.apply(manifests, options.withDryRun(DryRun.SERVER).asDiff(), result -> {
            if (result.failed()) {
                failed.add(result);
            } else {
                JsonNode live = result.live();
                pairs.add(NORMALIZER.normalize(live, result.object()));
            }
        });
        failed.sort(ApplyOrder.asGiven(manifests));
        return new Outcome(pairs, failed.stream().map(ApplyResult::error).toList());
    }
}
