package dev.pricefeed.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;

/**
 * A test-only TLS terminator on 127.0.0.1: it accepts TLS with one of the {@link TestCertificates}, then passes the
 * plain bytes both ways to a server on another 127.0.0.1 port (a WebSocket test server or the exchange emulator), so
 * tests reach the same servers over wss:// and https:// without changing them. It counts the TLS handshakes tried,
 * finished and refused by the client. {@link #close()} stops every thread it started.
 */
public final class TlsTerminator implements AutoCloseable {

    private final SSLServerSocket server;
    private final int backendPort;
    private final Thread acceptor;
    private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
    private final List<Thread> threads = new CopyOnWriteArrayList<>();
    private final AtomicInteger attempts = new AtomicInteger();
    private final AtomicInteger handshakes = new AtomicInteger();
    private final List<String> failures = new CopyOnWriteArrayList<>();

    /**
     * Starts accepting.
     *
     * @param certificate the certificate to present ({@link TestCertificates#LOCALHOST} or
     *     {@link TestCertificates#ELSEWHERE})
     * @param backendPort the 127.0.0.1 port the plain bytes go to
     */
    public TlsTerminator(String certificate, int backendPort) throws IOException {
        this(certificate, backendPort, false);
    }

    /**
     * Starts accepting.
     *
     * @param certificate the certificate to present
     * @param backendPort the 127.0.0.1 port the plain bytes go to
     * @param needClientCertificate whether a client must present a certificate the test trust store trusts
     */
    public TlsTerminator(String certificate, int backendPort, boolean needClientCertificate) throws IOException {
        this.backendPort = backendPort;
        server = (SSLServerSocket) TestCertificates.context(certificate).getServerSocketFactory()
                .createServerSocket(0, 50, InetAddress.getLoopbackAddress());
        server.setNeedClientAuth(needClientCertificate);
        acceptor = start("tls-terminator-accept", this::accept);
    }

    /** The TLS port on 127.0.0.1. */
    public int port() {
        return server.getLocalPort();
    }

    /** {@code scheme://127.0.0.1:port} followed by the path and query, such as {@code uri("wss", "/ws")}. */
    public URI uri(String scheme, String pathAndQuery) {
        return URI.create(scheme + "://127.0.0.1:" + port() + pathAndQuery);
    }

    /** TCP connections accepted, each a TLS handshake tried. */
    public int attempts() {
        return attempts.get();
    }

    /** TLS handshakes finished. */
    public int handshakes() {
        return handshakes.get();
    }

    /** Why handshakes failed, as this side saw it (the client's alert, such as {@code certificate_unknown}). */
    public List<String> failures() {
        return failures;
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                SSLSocket client = (SSLSocket) server.accept();
                sockets.add(client);
                start("tls-terminator-conn", () -> serve(client));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(SSLSocket client) {
        attempts.incrementAndGet();
        try {
            client.startHandshake();
        } catch (IOException e) {
            failures.add(String.valueOf(e.getMessage()));
            closeQuietly(client);
            return;
        }
        handshakes.incrementAndGet();
        Socket backend;
        try {
            backend = new Socket(InetAddress.getLoopbackAddress(), backendPort);
        } catch (IOException e) {
            failures.add("backend: " + e.getMessage());
            closeQuietly(client);
            return;
        }
        sockets.add(backend);
        start("tls-terminator-up", () -> pump(client, backend));
        pump(backend, client);
    }

    /** Copies until either side ends, then closes both (WebSocket and HTTP need no half-close here). */
    private void pump(Socket from, Socket to) {
        byte[] buffer = new byte[16 * 1024];
        try {
            InputStream in = from.getInputStream();
            OutputStream out = to.getOutputStream();
            for (int n; (n = in.read(buffer)) >= 0; ) {
                out.write(buffer, 0, n);
                out.flush();
            }
        } catch (IOException e) {
            // one side went away: the other is closed below, which is what a real terminator does
        } finally {
            closeQuietly(from);
            closeQuietly(to);
        }
    }

    private void closeQuietly(Socket socket) {
        sockets.remove(socket);
        try {
            socket.close();
        } catch (IOException e) {
            failures.add("close: " + e.getMessage());
        }
    }

    private Thread start(String name, Runnable task) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        threads.add(thread);
        thread.start();
        return thread;
    }

    /** Stops accepting, closes every connection and waits for each thread to end. */
    @Override
    public void close() throws IOException {
        server.close();
        for (Socket socket : sockets) {
            closeQuietly(socket);
        }
        for (Thread thread : threads) {
            try {
                thread.join(2_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
