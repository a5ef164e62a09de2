package dev.jctl.cli.client;

import io.fabric8.kubernetes.client.KubernetesClientException;
import java.net.ConnectException;
import java.net.URI;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateException;
import java.security.cert.PKIXReason;

/**
 * A request that never got an answer, worded as kubectl words it; its message is the whole line kubectl prints,
 * without {@code error: } before it.
 */
public final class ServerUnreachable extends KubernetesClientException {
    private ServerUnreachable(String message, Throwable cause) {
        super(message, cause);
    }

    /** {@code cause} and the exceptions it wraps, whatever their depth, decide the wording. */
    static ServerUnreachable of(String server, Throwable cause) {
        ConnectException connect = find(cause, ConnectException.class);
        if (connect != null && String.valueOf(connect.getMessage()).contains("refused")) {
            URI uri = URI.create(server);
            return new ServerUnreachable("The connection to the server " + uri.getHost() + ":" + port(uri)
                    + " was refused - did you specify the right host or port?", cause);
        }
        // No path to a trusted root, in the JDK's two ways of finding it: Go's UnknownAuthorityError.
        CertPathValidatorException invalid = find(cause, CertPathValidatorException.class);
        if (find(cause, CertPathBuilderException.class) != null
                || invalid != null && invalid.getReason() == PKIXReason.NO_TRUST_ANCHOR) {
            return new ServerUnreachable("Unable to connect to the server: tls: failed to verify certificate: "
                    + "x509: certificate signed by unknown authority", cause);
        }
        String rootMessage = rootMessage(cause);
        if (find(cause, CertificateException.class) != null) {
            return new ServerUnreachable("Unable to connect to the server: tls: failed to verify certificate: "
                    + rootMessage, cause);
        }
        return new ServerUnreachable("Unable to connect to the server: " + rootMessage, cause);
    }

    private static String rootMessage(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() != null ? root.getMessage() : root.toString();
    }

    private static int port(URI uri) {
        if (uri.getPort() >= 0) {
            return uri.getPort();
        }
        return "http".equalsIgnoreCase(uri.getScheme()) ? 80 : 443;
    }

    private static <T extends Throwable> T find(Throwable error, Class<T> type) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }
}
