package dev.pricefeed.runtime;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import javax.net.ssl.SSLException;

/** Errors in words: one line that says what went wrong, for events, logs and the command line's status line. */
final class ErrorText {

    private static final int MAX_CAUSES = 10;

    private ErrorText() {
    }

    /** A readable one-line account of an error, even when it has no message (a refused connection). */
    static String describe(Throwable error) {
        String message = error.getMessage();
        String text = message == null || message.isBlank() ? error.getClass().getSimpleName() : message;
        Throwable cause = error.getCause();
        if (cause != null && cause != error && (message == null || !message.contains(String.valueOf(cause.getMessage())))) {
            text += " (" + (cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage()) + ")";
        }
        return text;
    }

    /**
     * What a failed connect means in plain words when the cause is a common network failure ({@code cannot resolve
     * ws.kraken.com — is the network up?}, {@code connection refused by 127.0.0.1:9999}); otherwise {@link #describe}.
     *
     * @param error what the attempt threw
     * @param target where it tried to connect, or {@code null} when not known (its query is never shown)
     */
    static String plain(Throwable error, URI target) {
        String host = target == null || target.getHost() == null ? null : target.getHost();
        String hostPort = host == null ? null : host + ":" + port(target);
        String certificate = certificateProblem(error, host);
        if (certificate != null) {
            return certificate;
        }
        Throwable cause = error;
        for (int i = 0; cause != null && i < MAX_CAUSES; i++, cause = cause.getCause()) {
            if (cause instanceof HandshakeTimeoutException) {
                return cause.getMessage();
            }
            if (cause instanceof UnresolvedAddressException || cause instanceof UnknownHostException) {
                String name = host != null ? host : cause.getMessage();
                return "cannot resolve " + (name == null ? "the exchange's host name" : name)
                        + " — is the network up?";
            }
            if (cause instanceof NoRouteToHostException) {
                return "no route to " + (hostPort != null ? hostPort : "the exchange") + " — is the network up?";
            }
            if (cause instanceof ConnectException && !(cause instanceof HttpConnectTimeoutException)) {
                return "connection refused by " + (hostPort != null ? hostPort : "the exchange");
            }
            if (cause instanceof HttpTimeoutException || cause instanceof SocketTimeoutException) {
                return (hostPort != null ? hostPort : "the exchange") + " did not answer in time";
            }
            if (cause instanceof SSLException) {
                return "TLS handshake with " + (host != null ? host : "the exchange") + " failed: "
                        + describe(cause);
            }
        }
        return describe(error);
    }

    /**
     * What is wrong with the server's certificate, in words, when a certificate check is what failed (anywhere in the
     * causes: each WebSocket client wraps it its own way); {@code null} otherwise.
     */
    private static String certificateProblem(Throwable error, String host) {
        String of = "the TLS certificate of " + (host != null ? host : "the exchange");
        Throwable cause = error;
        for (int i = 0; cause != null && i < MAX_CAUSES; i++, cause = cause.getCause()) {
            if (cause instanceof CertificateExpiredException || cause instanceof CertificateNotYetValidException) {
                return of + " is out of its validity dates (" + describe(cause) + ") — check this machine's clock";
            }
            String message = String.valueOf(cause.getMessage());
            if (cause instanceof CertificateException
                    && (message.startsWith("No subject alternative") || message.startsWith("No name matching"))) {
                return of + " is for another host name (" + message + ")";
            }
            if (cause instanceof SSLException && (message.contains("fatal alert: bad_certificate")
                    || message.contains("fatal alert: certificate_required"))) {
                return (host != null ? host : "the exchange") + " refused this side's TLS client certificate (none, "
                        + "or one it does not accept: " + message + ") — give the feed an SSLContext whose key "
                        + "managers hold the client key and certificate, or -Djavax.net.ssl.keyStore=...";
            }
            if (cause instanceof CertPathBuilderException) {
                return of + " is not trusted (no trusted certificate authority vouches for it) — " + TRUST_HINT;
            }
            if (cause instanceof CertPathValidatorException) {
                return of + " is not trusted (" + message + ") — " + TRUST_HINT;
            }
        }
        return null;
    }

    private static final String TRUST_HINT = "give the JVM a trust store that holds its issuer "
            + "(-Djavax.net.ssl.trustStore=...) or the feed an SSLContext that trusts it (PriceFeed.builder().sslContext(...))";

    /** {@code host:port} of a target, the scheme's default port filled in. */
    static String hostPort(URI uri) {
        return uri.getHost() + ":" + port(uri);
    }

    private static int port(URI uri) {
        if (uri.getPort() >= 0) {
            return uri.getPort();
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme();
        return scheme.equals("wss") || scheme.equals("https") ? 443 : 80;
    }

    /** The text cut to 200 characters, saying how long it was. */
    static String abbreviate(String text) {
        return text.length() <= 200 ? text : text.substring(0, 200) + "… (" + text.length() + " chars)";
    }
}
