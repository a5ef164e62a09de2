package dev.jctl.runtime.apiserver.crd;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jctl.runtime.apiserver.ApiException.Cause;
import dev.jctl.runtime.apiserver.registry.Admission;

import java.util.List;

/** Every write of a custom resource is defaulted and pruned by its version's schema and then validated against it. */
record CustomResourceAdmission(String group, String kind, JsonNode schema) implements Admission {
    @Override
    public void admit(ObjectNode object, ObjectNode old) {
        Defaulter.apply(object, schema);
        Pruner.prune(object, schema);
        List<Cause> causes = SchemaValidator.validate(object, schema);
        if (!causes.isEmpty()) {
            throw Invalid.of(group, kind, object.path("metadata").path("name").asText(), causes);
        }
    }
}
