package dev.jctl.cli.get;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class ResourceArgumentsTest {
    @Test
    void typesWithNamesOrTypeSlashNamePairs() {
        assertEquals(List.of(new ResourceArguments.Selection("deploy,svc", List.of("web", "api"))),
                ResourceArguments.parse(List.of("deploy,svc", "web", "api")));
        assertEquals(List.of(new ResourceArguments.Selection("deploy", List.of("web")),
                        new ResourceArguments.Selection("svc", List.of("web"))),
                ResourceArguments.parse(List.of("deploy/web", "svc/web")));
        assertThrows(IllegalArgumentException.class, () -> ResourceArguments.parse(List.of("deploy/web", "svc")));
        assertThrows(IllegalArgumentException.class, () -> ResourceArguments.parse(List.of("deploy/")));
    }

    @Test
    void aTypeSlashNameHasOneSlashAndOneType() {
        assertEquals("arguments in resource/name form may not have more than one slash", assertThrows(
                IllegalArgumentException.class, () -> ResourceArguments.parse(List.of("deploy/web/x"))).getMessage());
        assertEquals("arguments in resource/name form must have a single resource and name", assertThrows(
                IllegalArgumentException.class, () -> ResourceArguments.parse(List.of("deploy,svc/web"))).getMessage());
    }
}
