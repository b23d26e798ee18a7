package dev.pricefeed.runtime;

import java.net.http.HttpClient;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stops the selector thread of a JDK {@link HttpClient}, which Java 17 offers no method for (the thread otherwise
 * lives until the client is garbage collected). The thread is named {@code HttpClient-<id>-SelectorManager} after the
 * id the client shows in {@code toString()}; interrupting it makes it close the client's connections and end.
 */
final class JdkHttpClients {

    private static final Logger LOG = LoggerFactory.getLogger(JdkHttpClients.class);

    private JdkHttpClients() {
    }

    /** Stops the client's selector thread and waits up to a second for it to end; the client is unusable after. */
    static void stop(HttpClient client) {
        String text = client.toString();
        int open = text.lastIndexOf('(');
        int close = text.lastIndexOf(')');
        if (open < 0 || close < open) {
            LOG.debug("cannot tell the selector thread of {}; it ends when the client is collected", text);
            return;
        }
        String name = "HttpClient-" + text.substring(open + 1, close) + "-SelectorManager";
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            if (thread.getName().equals(name)) {
                thread.interrupt();
                try {
                    thread.join(TimeUnit.SECONDS.toMillis(1));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                if (thread.isAlive()) {
                    LOG.debug("{} still running 1 s after it was asked to stop", name);
                }
                return;
            }
        }
    }
}
