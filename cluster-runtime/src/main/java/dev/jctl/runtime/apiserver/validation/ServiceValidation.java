package dev.jctl.runtime.apiserver.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * core/v1 Service (apis/core/validation ValidateService), beyond what allocating its ClusterIP and node ports
 * checks: a ClusterIP Service has no node ports. An update to ClusterIP that leaves the node ports as they were has
 * had them dropped already, as upstream's PrepareForUpdate drops them.
 */
final class ServiceValidation {
    private ServiceValidation() {
    }

    static void validate(ObjectNode service, Causes causes) {
        JsonNode spec = service.path("spec");
        if (!spec.path("type").asText().equals("ClusterIP")) {
            return;
        }
        JsonNode ports = spec.path("ports");
        for (int i = 0; i < ports.size(); i++) {
            if (ports.get(i).path("nodePort").asInt(0) != 0) {
                causes.forbidden("spec.ports[" + i + "].nodePort", "may not be used when `type` is 'ClusterIP'");
            }
        }
    }
}
