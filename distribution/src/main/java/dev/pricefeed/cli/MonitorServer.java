package dev.pricefeed.cli;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The monitoring HTTP server of {@code watch --http} and {@code dashboard}, on the JDK's own server: {@code /} the
 * page, {@code /metrics} Prometheus text, {@code /health} 200 or 503, {@code /api/state} JSON, {@code /events} the
 * page's Server-Sent Events. It owns its threads (a small request pool and one pusher) and stops them on close.
 */
final class MonitorServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(MonitorServer.class);
    private static final String ASSETS = "/dev/pricefeed/cli/dashboard/";
    private static final Map<String, String[]> PAGES = Map.of(
            "/", new String[] {"index.html", "text/html; charset=utf-8"},
            "/dashboard.js", new String[] {"dashboard.js", "text/javascript; charset=utf-8"},
            "/dashboard.css", new String[] {"dashboard.css", "text/css; charset=utf-8"});
    // the page loads only its own script and style: even a string that slipped into markup could run nothing
    private static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; "
            + "img-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
    private static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

    private final DashboardState state;
    private final PrometheusMeterRegistry registry;
    private final Map<String, byte[]> assets = new HashMap<>();
    private final EventStream events = new EventStream();
    private final HttpServer server;
    private final ExecutorService requests;
    private final ScheduledExecutorService pusher;
    // every thread this server started, joined on close: an executor reports termination before its threads are gone
    private final List<Thread> threads = new CopyOnWriteArrayList<>();

    /**
     * Binds the server; nothing is served before {@link #start(Duration)}.
     *
     * @throws UsageError when the address cannot be bound (in use, not local), naming it
     */
    MonitorServer(HttpAddress address, DashboardState state, PrometheusMeterRegistry registry) {
        this.state = Objects.requireNonNull(state, "state is null");
        this.registry = Objects.requireNonNull(registry, "registry is null");
        PAGES.values().forEach(page -> assets.put(page[0], asset(page[0])));
        try {
            this.server = HttpServer.create(address.socketAddress(), 0);
        } catch (BindException e) {
            throw new UsageError("--http " + address + ": cannot listen there (" + e.getMessage() + ")");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the HTTP server on " + address, e);
        }
        this.requests = Executors.newFixedThreadPool(4, daemon("pricefeed-http"));
        this.pusher = Executors.newSingleThreadScheduledExecutor(daemon("pricefeed-http-push"));
        server.setExecutor(requests);
        server.createContext("/", this::handle);
    }

    /** Starts serving, and pushes the state to the page every {@code period}. */
    void start(Duration period) {
        server.start();
        pusher.scheduleWithFixedDelay(this::push, 0, period.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The address actually bound (the port is chosen when 0 was asked for). */
    InetSocketAddress address() {
        return server.getAddress();
    }

    /** The page's URL. */
    String url() {
        InetSocketAddress bound = address();
        String host = bound.getAddress().getHostAddress();
        return "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + bound.getPort() + "/";
    }

    private void push() {
        try {
            state.sample();
            if (events.size() > 0) {
                events.push(state.snapshot().toString());
            }
        } catch (RuntimeException e) {
            // a failed push must not end the schedule: the next one tries again
            LOG.warn("dashboard: could not push the state: {}", e.toString(), e);
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try {
            String method = exchange.getRequestMethod();
            String path = exchange.getRequestURI().getPath();
            if (!method.equals("GET") && !method.equals("HEAD")) {
                exchange.getResponseHeaders().set("Allow", "GET, HEAD");
                reply(exchange, 405, "text/plain; charset=utf-8", "only GET and HEAD\n");
                return;
            }
            String[] page = PAGES.get(path);
            if (page != null) {
                reply(exchange, 200, page[1], assets.get(page[0]));
            } else if (path.equals("/metrics")) {
                reply(exchange, 200, PROMETHEUS_TEXT, registry.scrape());
            } else if (path.equals("/health")) {
                JsonObject health = state.health();
                boolean up = health.getString("status").equals("UP");
                reply(exchange, up ? 200 : 503, "application/json", health + "\n");
            } else if (path.equals("/api/state")) {
                reply(exchange, 200, "application/json", state.snapshot().toString() + "\n");
            } else if (path.equals("/events") && method.equals("GET")) {
                headers(exchange);
                events.open(exchange, state.snapshot().toString());
            } else {
                reply(exchange, 404, "text/plain; charset=utf-8", "not found; try /, /metrics, /health, "
                        + "/api/state or /events\n");
            }
        } catch (IOException | RuntimeException e) {
            LOG.warn("dashboard: {} {} failed: {}", exchange.getRequestMethod(), exchange.getRequestURI(),
                    e.toString(), e);
            exchange.close();
        }
    }

    private static void reply(HttpExchange exchange, int status, String type, String body) throws IOException {
        reply(exchange, status, type, body.getBytes(StandardCharsets.UTF_8));
    }

    private static void reply(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        headers(exchange);
        exchange.getResponseHeaders().set("Content-Type", type);
        boolean head = exchange.getRequestMethod().equals("HEAD");
        exchange.sendResponseHeaders(status, head ? -1 : body.length);
        if (!head) {
            exchange.getResponseBody().write(body);
        }
        exchange.close();
    }

    private static void headers(HttpExchange exchange) {
        exchange.getResponseHeaders().set("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
    }

    private static byte[] asset(String name) {
        try (InputStream in = MonitorServer.class.getResourceAsStream(ASSETS + name)) {
            if (in == null) {
                throw new IllegalStateException("the dashboard's " + name + " is missing from the jar");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the dashboard's " + name, e);
        }
    }

    private ThreadFactory daemon(String name) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, name + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            threads.add(thread);
            return thread;
        };
    }

    /** Ends the event streams, stops the server and every thread it started. */
    @Override
    public void close() {
        pusher.shutdownNow();
        try {
            if (!pusher.awaitTermination(2, TimeUnit.SECONDS)) {
                LOG.warn("dashboard: the pusher did not stop within 2 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        events.closeAll();
        server.stop(0);
        requests.shutdownNow();
        try {
            if (!requests.awaitTermination(2, TimeUnit.SECONDS)) {
                LOG.warn("dashboard: request threads did not stop within 2 s");
            }
            for (Thread thread : threads) {
                thread.join(TimeUnit.SECONDS.toMillis(2));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
