package dev.pricefeed.testkit;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The request line and headers of an HTTP/1.1 request (plain call or WebSocket upgrade).
 *
 * @param method the method
 * @param path the path without query
 * @param query the raw query, or {@code null}
 * @param headers headers by lower-case name
 */
record HttpRequestHead(String method, String path, String query, Map<String, String> headers) {

    private static final int MAX_HEAD_BYTES = 64 * 1024;
    /** The blank line that ends a request head: CR LF CR LF as one int. */
    private static final int END_OF_HEAD = 0x0D0A0D0A;

    /** Reads up to the blank line; returns {@code null} when the client closed before sending anything. */
    static HttpRequestHead read(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream(512);
        int lastFour = 0;
        while (lastFour != END_OF_HEAD) {
            int b = in.read();
            if (b < 0) {
                if (head.size() == 0) {
                    return null;
                }
                throw new IOException("connection closed in the middle of the request head");
            }
            head.write(b);
            if (head.size() > MAX_HEAD_BYTES) {
                throw new IOException("request head longer than " + MAX_HEAD_BYTES + " bytes");
            }
            lastFour = (lastFour << 8) | b;
        }
        String[] lines = head.toString(StandardCharsets.ISO_8859_1).split("\r\n");
        String[] requestLine = lines[0].split(" ");
        if (requestLine.length != 3 || !requestLine[2].startsWith("HTTP/")) {
            throw new IOException("malformed request line: " + lines[0]);
        }
        String target = requestLine[1];
        int q = target.indexOf('?');
        String path = q < 0 ? target : target.substring(0, q);
        String query = q < 0 ? null : target.substring(q + 1);
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon <= 0) {
                continue;
            }
            String name = lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT);
            String value = lines[i].substring(colon + 1).trim();
            headers.merge(name, value, (a, b) -> a + ", " + b);
        }
        return new HttpRequestHead(requestLine[0], path, query, headers);
    }

    /** Whether the client asks for a WebSocket (an {@code Upgrade: h2c} from an HTTP client is not one). */
    boolean isWebSocketUpgrade() {
        String upgrade = headers.get("upgrade");
        if (upgrade == null) {
            return false;
        }
        for (String token : upgrade.split(",")) {
            if (token.trim().equalsIgnoreCase("websocket")) {
                return true;
            }
        }
        return false;
    }

    /** The declared body length, 0 when absent. */
    int contentLength() throws IOException {
        String value = headers.get("content-length");
        if (value == null) {
            return 0;
        }
        try {
            int length = Integer.parseInt(value.trim());
            if (length < 0) {
                throw new IOException("negative Content-Length " + value);
            }
            return length;
        } catch (NumberFormatException e) {
            throw new IOException("bad Content-Length " + value, e);
        }
    }
}
