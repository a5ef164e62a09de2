package dev.jctl.cli.describe;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jctl.cli.client.ApiException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** kubectl's ServiceAccount describer: its pull secrets, mountable secrets and legacy token secrets. */
final class ServiceAccountDescriber implements KindDescriber {
    private static final String EMPTY_HEADER = "                   ";

    @Override
    public void describe(DescribeContext context, JsonNode sa, PrefixWriter w) {
        JsonNode metadata = sa.path("metadata");
        String namespace = metadata.path("namespace").asText();
        List<String> tokens = new ArrayList<>();
        Set<String> missing = new HashSet<>();
        try {
            Set<String> existing = new HashSet<>();
            for (JsonNode secret : context.list("/api/v1/namespaces/" + namespace + "/secrets", null, null)) {
                JsonNode annotations = secret.path("metadata").path("annotations");
                if ("kubernetes.io/service-account-token".equals(Text.str(secret.path("type")))
                        && metadata.path("name").asText().equals(Text.str(annotations
                        .path("kubernetes.io/service-account.name")))
                        && Text.str(metadata.path("uid")).equals(Text.str(annotations
                        .path("kubernetes.io/service-account.uid")))) {
                    tokens.add(secret.path("metadata").path("name").asText());
                }
                existing.add(secret.path("metadata").path("name").asText());
            }
            for (String field : List.of("secrets", "imagePullSecrets")) {
                for (JsonNode reference : sa.path(field)) {
                    if (!existing.contains(Text.str(reference.path("name")))) {
                        missing.add(Text.str(reference.path("name")));
                    }
                }
            }
        } catch (ApiException e) {
            // kubectl describes the account with the secrets it names even when secrets cannot be listed.
        }
        List<JsonNode> events = context.eventsAbout(sa);
        w.write(0, "Name:\t" + metadata.path("name").asText() + "\n");
        w.write(0, "Namespace:\t" + namespace + "\n");
        Sections.labels(w, "Labels", metadata.path("labels"));
        Sections.annotations(w, "Annotations", metadata.path("annotations"));
        // kubectl's order: the three headers sorted as strings.
        secrets(w, "Image pull secrets:", names(sa.path("imagePullSecrets")), missing);
        secrets(w, "Mountable secrets: ", names(sa.path("secrets")), missing);
        secrets(w, "Tokens:            ", tokens, missing);
        Sections.events(w, events);
    }

    private static List<String> names(JsonNode references) {
        List<String> names = new ArrayList<>();
        references.forEach(r -> names.add(Text.str(r.path("name"))));
        return names;
    }

    private static void secrets(PrefixWriter w, String header, List<String> names, Set<String> missing) {
        if (names.isEmpty()) {
            w.write(0, header + "\t<none>\n");
            return;
        }
        String prefix = header;
        for (String name : names) {
            w.write(0, prefix + "\t" + name + (missing.contains(name) ? " (not found)" : "") + "\n");
            prefix = EMPTY_HEADER;
        }
    }
}
