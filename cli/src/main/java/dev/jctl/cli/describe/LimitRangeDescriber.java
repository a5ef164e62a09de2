package dev.jctl.cli.describe;

import com.fasterxml.jackson.databind.JsonNode;

/** kubectl's LimitRange describer: the Namespace describer's limits table for one limit range. */
final class LimitRangeDescriber implements KindDescriber {
    @Override
    public void describe(DescribeContext context, JsonNode limitRange, PrefixWriter w) {
        JsonNode metadata = limitRange.path("metadata");
        w.write(0, "Name:\t" + metadata.path("name").asText() + "\n");
        w.write(0, "Namespace:\t" + metadata.path("namespace").asText() + "\n");
        w.write(0, Quotas.LIMIT_HEADER);
        w.write(0, Quotas.LIMIT_RULE);
        Quotas.limits(w, limitRange, "");
    }
}
