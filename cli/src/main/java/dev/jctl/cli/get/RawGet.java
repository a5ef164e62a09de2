package dev.jctl.cli.get;

import dev.jctl.cli.client.Connection;
import dev.jctl.cli.client.RequestUri;
import java.io.PrintWriter;
import java.util.List;

/**
 * {@code get --raw URI}: kubectl's checks of the URI and of what may not come with it, in its order and words,
 * then a GET of the URI whose answer is printed as it arrives, with nothing added.
 */
public final class RawGet {
    /** What client-go's REST client asks for. */
    private static final String ACCEPT = "application/json, */*";

    private final RequestUri uri;

    private RawGet(RequestUri uri) {
        this.uri = uri;
    }

    /**
     * @param watching      {@code -w} or {@code --watch-only}
     * @param labelSelector {@code -l} as given, null for none
     * @param output        {@code -o} as given, null for none
     * @throws IllegalArgumentException for what kubectl refuses
     */
    public static RawGet of(String uri, List<String> arguments, boolean watching, String labelSelector, String output,
                            boolean outputWatchEvents) {
        if (!arguments.isEmpty()) {
            throw new IllegalArgumentException("arguments may not be passed when --raw is specified");
        }
        if (watching || labelSelector != null && !labelSelector.isEmpty()) {
            throw new IllegalArgumentException("--raw may not be specified with other flags that filter the server "
                    + "request or alter the output");
        }
        if (output != null && !output.isEmpty()) {
            throw new IllegalArgumentException("--raw and --output are mutually exclusive");
        }
        RequestUri parsed;
        try {
            parsed = RequestUri.parse(uri);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--raw must be a valid URL path: " + e.getMessage(), e);
        }
        PrintOptions.checkWatchEvents(false, outputWatchEvents);
        return new RawGet(parsed);
    }

    /**
     * @return the exit code
     * @throws dev.jctl.cli.client.ApiException for an answer outside 2xx, as client-go words it
     */
    public int print(Connection connection, PrintWriter out, PrintWriter err) {
        String pathAndQuery;
        try {
            pathAndQuery = uri.pathAndQuery();
        } catch (IllegalArgumentException e) {
            // client-go fails the request with Go's url.Error, which kubectl reports as a connection failure
            err.println("Unable to connect to the server: " + e.getMessage());
            err.flush();
            return 1;
        }
        connection.copy(pathAndQuery, ACCEPT, out);
        return 0;
    }
}
