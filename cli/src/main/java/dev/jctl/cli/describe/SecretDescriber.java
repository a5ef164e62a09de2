package dev.jctl.cli.describe;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

/**
 * kubectl's Secret describer: values hidden behind their size, except a service account token's token. (kubectl
 * walks the data in Go's random map order; jctl sorts by key.)
 */
final class SecretDescriber implements KindDescriber {
    private static final String TOKEN_TYPE = "kubernetes.io/service-account-token";

    @Override
    public void describe(DescribeContext context, JsonNode secret, PrefixWriter w) {
        JsonNode metadata = secret.path("metadata");
        String type = Text.str(secret.path("type"));
        w.write(0, "Name:\t" + metadata.path("name").asText() + "\n");
        w.write(0, "Namespace:\t" + metadata.path("namespace").asText() + "\n");
        Sections.labels(w, "Labels", metadata.path("labels"));
        Sections.annotations(w, "Annotations", metadata.path("annotations"));
        w.write(0, "\nType:\t" + type + "\n");
        w.write(0, "\nData\n====\n");
        for (Map.Entry<String, String> entry : Text.map(secret.path("data")).entrySet()) {
            byte[] value = Base64.getDecoder().decode(entry.getValue());
            if (entry.getKey().equals("token") && type.equals(TOKEN_TYPE)) {
                w.write(0, entry.getKey() + ":\t" + new String(value, StandardCharsets.UTF_8) + "\n");
            } else {
                w.write(0, entry.getKey() + ":\t" + value.length + " bytes\n");
            }
        }
    }
}
