package dev.pricefeed.runtime;

import java.io.IOException;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the feeds of one process share: one control thread ({@code pricefeed-control}), one I/O pool
 * ({@code pricefeed-io-N}) and one HTTP client per TLS context (the JVM's default, or the {@link SSLContext} a feed was
 * given). Feeds hold a {@link Lease}; when the last lease is closed every thread is stopped before {@code close()}
 * returns, the HTTP clients' included, and the next feed starts a fresh set. A client for a feed's own TLS context
 * is stopped as soon as the last feed using that context closes.
 *
 * <p>Nothing here starts a thread until it is used: the executors start theirs on the first task, and the HTTP client
 * is built on the first request. So a feed whose construction fails after taking a lease leaves nothing behind.
 *
 * <p>Why the HTTP client needs care: Java 17 cannot close an {@link HttpClient}; its selector thread lives until the
 * client is garbage collected. The client is built on a thread of our own thread group, so its selector thread joins
 * that group and can be interrupted (which makes it close its selector and end) when the last feed is gone; its
 * other work runs on our I/O pool.
 */
final class SharedRuntime {

    private static final Logger LOG = LoggerFactory.getLogger(SharedRuntime.class);
    private static final Duration STOP_WAIT = Duration.ofSeconds(2);
    private static final Object LOCK = new Object();
    private static SharedRuntime current;
    /** The key of the HTTP client that uses the JVM's default TLS context. */
    private static final Object DEFAULT_TLS = new Object();

    private final ScheduledThreadPoolExecutor control;
    private final ThreadPoolExecutor io;
    /**
     * The groups the HTTP clients' threads are born in, one per client: daemon, so each goes away with its last
     * thread (a client stopped with its last feed leaves an empty group that Java 17 destroys, which a later client
     * could not be built in). Guarded by LOCK.
     */
    private final List<ThreadGroup> httpThreads = new ArrayList<>();
    /** One HTTP client per TLS context in use, by the context (or {@link #DEFAULT_TLS}); guarded by LOCK. */
    private final Map<Object, TlsClient> clients = new HashMap<>();
    /** Every pool thread made, so that stopping can wait until each has really ended. */
    private final Set<Thread> threads = ConcurrentHashMap.newKeySet();
    private int users;
    private boolean stopped;

    private SharedRuntime() {
        // Pool threads are made in the group of the thread that starts the runtime, never in the HTTP client's group
        // (a pool thread started by the client would otherwise land there, and so would the threads it starts).
        ThreadGroup group = Thread.currentThread().getThreadGroup();
        control = new ScheduledThreadPoolExecutor(1, daemon(group, "pricefeed-control", false, threads));
        control.setRemoveOnCancelPolicy(true);
        // Idle I/O threads go after a while: a feed at rest needs none.
        io = new ThreadPoolExecutor(0, Integer.MAX_VALUE, 30, TimeUnit.SECONDS, new SynchronousQueue<>(),
                daemon(group, "pricefeed-io", true, threads));
    }

    /** Takes a share of the process's runtime, starting a new one when none is running; HTTP over default TLS. */
    static Lease acquire() {
        return acquire(null);
    }

    /**
     * Takes a share of the process's runtime, starting a new one when none is running.
     *
     * @param ssl the TLS context of the feed's HTTP requests, or {@code null} for the JVM's default
     */
    static Lease acquire(SSLContext ssl) {
        synchronized (LOCK) {
            if (current == null) {
                current = new SharedRuntime();
            }
            current.users++;
            Object key = ssl == null ? DEFAULT_TLS : ssl;
            TlsClient client = current.clients.computeIfAbsent(key, k -> new TlsClient(ssl));
            client.users++;
            return new Lease(current, key, client);
        }
    }

    /** How many leases are open right now (for tests and diagnostics). */
    static int users() {
        synchronized (LOCK) {
            return current == null ? 0 : current.users;
        }
    }

    private void release(Object key) {
        TlsClient unused = null;
        boolean last;
        synchronized (LOCK) {
            last = --users == 0;
            TlsClient client = clients.get(key);
            if (client != null && --client.users == 0) {
                clients.remove(key);
                if (!last) {
                    // stopped below by itself; the last release stops every group's threads in stop()
                    httpThreads.remove(client.threads);
                }
                unused = client;
            }
            if (last) {
                if (current == this) {
                    current = null;
                }
                stopped = true;
            }
        }
        if (unused != null) {
            // no feed uses this TLS context any more: stop its client now, not when the process's last feed closes
            unused.failRequests();
            if (!last && unused.client != null) {
                JdkHttpClients.stop(unused.client);
            }
        }
        if (last) {
            stop();
        }
    }

    /** The HTTP client of a TLS context, built on first use; fails once its last feed or the runtime has stopped. */
    HttpClient httpClient(Object key) {
        synchronized (LOCK) {
            TlsClient client = clients.get(key);
            if (stopped || client == null) {
                throw new IllegalStateException("the feed is closed");
            }
            if (client.client == null) {
                client.client = buildHttpClient(client);
            }
            return client.client;
        }
    }

    private HttpClient buildHttpClient(TlsClient tls) {
        SSLContext ssl = tls.ssl;
        HttpClient[] built = new HttpClient[1];
        RuntimeException[] failed = new RuntimeException[1];
        ThreadGroup group = new ThreadGroup("pricefeed-http");
        group.setDaemon(true);
        httpThreads.add(group);
        tls.threads = group;
        Thread builder = new Thread(group, () -> {
            try {
                HttpClient.Builder client = HttpClient.newBuilder()
                        .version(HttpClient.Version.HTTP_1_1)
                        .connectTimeout(Duration.ofSeconds(5))
                        .followRedirects(HttpClient.Redirect.NORMAL)
                        .executor(io);
                if (ssl != null) {
                    client.sslContext(ssl);
                }
                built[0] = client.build();
            } catch (RuntimeException e) {
                failed[0] = e;
            }
        }, "pricefeed-http-setup");
        builder.setDaemon(true);
        builder.start();
        boolean interrupted = false;
        while (builder.isAlive()) {
            try {
                builder.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        if (failed[0] != null) {
            throw failed[0];
        }
        return built[0];
    }

    private void stop() {
        control.shutdownNow();
        io.shutdown();
        List<Thread> ending = new ArrayList<>();
        List<ThreadGroup> groups;
        synchronized (LOCK) {
            groups = List.copyOf(httpThreads);
        }
        for (ThreadGroup group : groups) {
            Thread[] found = new Thread[16];
            int count = group.enumerate(found);
            for (int i = 0; i < count; i++) {
                if (found[i].getName().endsWith("-SelectorManager")) {
                    ending.add(found[i]);
                    // The selector ends its loop when interrupted and closes its channels on the way out.
                    found[i].interrupt();
                }
            }
        }
        try {
            if (!control.awaitTermination(STOP_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.warn("the control thread did not stop within {} ms", STOP_WAIT.toMillis());
            }
            if (!io.awaitTermination(STOP_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                io.shutdownNow();
                if (!io.awaitTermination(STOP_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                    LOG.warn("I/O threads still busy {} ms after close", 2 * STOP_WAIT.toMillis());
                }
            }
            // A pool reports termination a moment before its threads have returned: wait for each to end.
            ending.addAll(threads);
            ending.remove(Thread.currentThread());
            for (Thread thread : ending) {
                thread.join(STOP_WAIT.toMillis());
                if (thread.isAlive()) {
                    LOG.warn("thread {} did not stop within {} ms", thread.getName(),
                            STOP_WAIT.toMillis());
                }
            }
        } catch (InterruptedException e) {
            io.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    private static ThreadFactory daemon(ThreadGroup group, String name, boolean numbered, Set<Thread> made) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(group, runnable, numbered ? name + "-" + count.incrementAndGet() : name);
            thread.setDaemon(true);
            made.removeIf(old -> !old.isAlive());
            made.add(thread);
            return thread;
        };
    }

    /** The HTTP client of one TLS context and the feeds using it. */
    private static final class TlsClient {
        /** The context, or {@code null} for the JVM's default. */
        final SSLContext ssl;
        /** HTTP requests waiting for an answer: failed when the client stops, so no caller waits for ever. */
        final Set<CompletableFuture<?>> requests = ConcurrentHashMap.newKeySet();
        /** Guarded by LOCK. */
        int users;
        /** Built on the first request; guarded by LOCK. */
        HttpClient client;
        /** The thread group the client was built in, once built; guarded by LOCK. */
        ThreadGroup threads;

        TlsClient(SSLContext ssl) {
            this.ssl = ssl;
        }

        void failRequests() {
            for (CompletableFuture<?> request : requests) {
                request.completeExceptionally(new IOException("the feed was closed while this request waited"));
            }
        }
    }

    /** One feed's share of the runtime; closing it more than once does nothing. */
    static final class Lease implements AutoCloseable {
        private final SharedRuntime runtime;
        private final Object tlsKey;
        private final AtomicBoolean closed = new AtomicBoolean();
        private final HttpClient httpClient;

        private Lease(SharedRuntime runtime, Object tlsKey, TlsClient client) {
            this.runtime = runtime;
            this.tlsKey = tlsKey;
            this.httpClient = new DeferredHttpClient(() -> runtime.httpClient(tlsKey), client.requests);
        }

        /** The shared control scheduler: one thread, serial; never block on it. */
        ScheduledThreadPoolExecutor control() {
            return runtime.control;
        }

        /** The shared pool for blocking work: bootstrap requests, handshakes, REST polls. */
        ExecutorService io() {
            return runtime.io;
        }

        /** The HTTP client of this feed's TLS context; it is built (and its thread started) on the first request. */
        HttpClient httpClient() {
            return httpClient;
        }

        /** Gives the share back; the last one stops every shared thread before returning. */
        @Override
        public void close() {
            if (closed.compareAndSet(false, true)) {
                runtime.release(tlsKey);
            }
        }
    }
}
