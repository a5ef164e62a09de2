package dev.jctl.cli.get;

import dev.jctl.cli.output.OutputFormat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jctl.cli.client.Connection;
import dev.jctl.cli.client.ConnectionSettings;
import dev.jctl.cli.client.Discovery;
import dev.jctl.cli.testing.FakeApiServer;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The watch's answer to {@code 410 Gone}, which a real server gives only once a revision is compacted: the list is
 * read again and the watch resumes from the new list's resourceVersion.
 */
class GetWatcherTest {
    private static final String COLUMNS = "[{\"name\":\"Name\",\"type\":\"string\",\"format\":\"name\",\"priority\":0},"
            + "{\"name\":\"Data\",\"type\":\"integer\",\"format\":\"\",\"priority\":0}]";

    @TempDir
    Path dir;

    private static String table(String resourceVersion, String columns, String... names) {
        StringBuilder rows = new StringBuilder();
        for (String name : names) {
            rows.append(rows.isEmpty() ? "" : ",").append("{\"cells\":[\"").append(name)
                    .append("\",1],\"object\":{\"metadata\":{\"name\":\"").append(name).append("\"}}}");
        }
        return "{\"kind\":\"Table\",\"apiVersion\":\"meta.k8s.io/v1\",\"metadata\":{\"resourceVersion\":\""
                + resourceVersion + "\"},\"columnDefinitions\":" + columns + ",\"rows\":[" + rows + "]}";
    }

    @Test
    void goneListsAgainAndWatchesOnFromThere() throws Exception {
        String path = "GET /api/v1/namespaces/default/configmaps";
        try (FakeApiServer server = FakeApiServer.start()) {
            server.reply(path, 200, table("5", COLUMNS, "a"))
                    .reply(path, 200, "{\"type\":\"ERROR\",\"object\":{\"kind\":\"Status\",\"apiVersion\":\"v1\","
                            + "\"status\":\"Failure\",\"message\":\"too old resource version: 5 (7)\","
                            + "\"reason\":\"Expired\",\"code\":410}}\n")
                    .reply(path, 200, table("9", COLUMNS, "a", "much-longer-b"))
                    .reply(path, 200, "{\"type\":\"ADDED\",\"object\":" + table("10", "[]", "c") + "}\n");
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            int exit;
            try (Connection connection = Connection.open(new ConnectionSettings(server.writeKubeconfig(dir), null,
                    null, dir.resolve("cache")))) {
                Getter getter = new Getter(connection, new Discovery(connection));
                PrintOptions options = new PrintOptions(OutputFormat.forGet(null, null, true), false, false, List.of(), false,
                        "default", null, false);
                exit = new GetWatcher(getter, options, new PrintWriter(out), new PrintWriter(err)).run(
                        Getter.Query.of(List.of("configmaps"), null, null, options, 500, false),
                        false, false, Duration.ofMinutes(2));
            }
            assertEquals(0, exit, "the server ended the watch: " + err);
            assertEquals("""
                    NAME   DATA
                    a      1
                    a               1
                    much-longer-b   1
                    c               1
                    """, out.toString());
            List<String> queries = server.requests().stream().map(FakeApiServer.Received::query).toList();
            assertEquals(List.of("limit=500", "resourceVersion=5&watch=true", "limit=500",
                    "resourceVersion=9&watch=true"), queries);
        }
    }
}
