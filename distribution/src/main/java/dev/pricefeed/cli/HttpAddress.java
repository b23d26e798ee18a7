package dev.pricefeed.cli;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.Objects;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Where the monitoring server listens, written {@code [HOST:]PORT}: {@code 8080} (on 127.0.0.1), {@code 0.0.0.0:8080},
 * {@code [::1]:8080}. Port 0 picks a free port.
 *
 * @param host the host name or address to bind to
 * @param port the port, 0 to 65535
 */
record HttpAddress(String host, int port) {

    /** The host when none is written: the loopback interface only. */
    static final String DEFAULT_HOST = "127.0.0.1";

    HttpAddress {
        Objects.requireNonNull(host, "host is null");
        if (port < 0 || port > 65_535) {
            throw new UsageError("--http port " + port + " is not between 0 and 65535");
        }
    }

    /** Reads {@code [HOST:]PORT}. */
    static HttpAddress parse(String text) {
        String trimmed = text.trim();
        int colon = trimmed.lastIndexOf(':');
        String host = DEFAULT_HOST;
        String port = trimmed;
        if (colon >= 0) {
            host = trimmed.substring(0, colon);
            port = trimmed.substring(colon + 1);
            if (host.startsWith("[") && host.endsWith("]")) {
                host = host.substring(1, host.length() - 1);
            } else if (host.contains(":")) {
                throw new UsageError("--http '" + text + "': write an IPv6 host in brackets, such as [::1]:8080");
            }
            if (host.isEmpty()) {
                throw new UsageError("--http '" + text + "' has no host before the colon; write PORT or HOST:PORT");
            }
        }
        try {
            return new HttpAddress(host, Integer.parseInt(port));
        } catch (NumberFormatException e) {
            throw new UsageError("--http '" + text + "' is not [HOST:]PORT, such as 8080 or 127.0.0.1:8080");
        }
    }

    /** The socket address to bind; the host is resolved here, so a bad name fails before any feed starts. */
    InetSocketAddress socketAddress() {
        try {
            return new InetSocketAddress(InetAddress.getByName(host), port);
        } catch (UnknownHostException e) {
            throw new UsageError("--http host '" + host + "' cannot be resolved");
        }
    }

    @Override
    public String toString() {
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }

    /** The picocli converter for {@code --http}. */
    static final class Converter implements ITypeConverter<HttpAddress> {
        @Override
        public HttpAddress convert(String value) {
            try {
                return parse(value);
            } catch (UsageError e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }
}
