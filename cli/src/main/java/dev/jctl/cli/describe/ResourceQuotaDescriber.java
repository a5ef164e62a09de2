package dev.jctl.cli.describe;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.TreeSet;

/** kubectl's ResourceQuota describer: the scopes, then used against hard for each resource. */
final class ResourceQuotaDescriber implements KindDescriber {
    @Override
    public void describe(DescribeContext context, JsonNode quota, PrefixWriter w) {
        JsonNode metadata = quota.path("metadata");
        w.write(0, "Name:\t" + metadata.path("name").asText() + "\n");
        w.write(0, "Namespace:\t" + metadata.path("namespace").asText() + "\n");
        Quotas.scopes(w, quota, 0, " ");
        w.write(0, "Resource\tUsed\tHard\n");
        w.write(0, "--------\t----\t----\n");
        JsonNode status = quota.path("status");
        for (String resource : new TreeSet<>(Text.map(status.path("hard")).keySet())) {
            Quantity hard = Quantity.of(status.path("hard").path(resource));
            Quantity used = Quantity.of(status.path("used").path(resource));
            // kubectl shows the used amount, as a whole number, in the hard limit's format when they differ
            if (used.format() != hard.format()) {
                used = new Quantity(BigDecimal.valueOf(used.longValue()), hard.format());
            }
            w.write(0, resource + "\t" + used + "\t" + hard + "\n");
        }
    }
}
