package dev.jctl.runtime.apiserver.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The committed schema resource is what the generator makes of the current model classes and patch table.
 * Regenerate it with
 * {@code mvn -pl cluster-runtime test -Dtest=BuiltinSchemasResourceTest -Djctl.openapi.regenerate=true}.
 */
class BuiltinSchemasResourceTest {
    private static final Path SOURCE =
            Path.of("src/main/resources/dev/jctl/runtime/apiserver/openapi", SchemaCatalog.RESOURCE);

    @Test
    void resourceMatchesTheModelClasses() throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode generated = BuiltinSchemas.generate();
        if (Boolean.getBoolean("jctl.openapi.regenerate")) {
            Files.createDirectories(SOURCE.getParent());
            Files.write(SOURCE, mapper.writeValueAsBytes(generated));
        }
        assertTrue(Files.exists(SOURCE), "missing " + SOURCE + "; regenerate it (see the class comment)");
        JsonNode committed = mapper.readTree(SOURCE.toFile());
        assertEquals(generated, committed, SOURCE + " is stale; regenerate it (see the class comment)");
    }
}
