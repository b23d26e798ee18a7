package dev.pricefeed.runtime;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A WebSocket server for transport tests, byte by byte on 127.0.0.1: it can send what the emulator cannot (text in
 * fragments, a close with any code) and records what the client sends (texts, pongs, its close code, its headers).
 * One thread per connection; {@link #close()} stops them all.
 */
final class RawWebSocketServer implements AutoCloseable {

    private static final String GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";

    private final ServerSocket server;
    private final Thread acceptor;
    private final List<Peer> peers = new CopyOnWriteArrayList<>();
    private final LinkedBlockingQueue<Peer> accepted = new LinkedBlockingQueue<>();

    RawWebSocketServer() throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        acceptor = new Thread(this::accept, "raw-ws-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    URI uri(String path) {
        return URI.create("ws://127.0.0.1:" + server.getLocalPort() + path);
    }

    int port() {
        return server.getLocalPort();
    }

    /** TCP connections accepted so far, with or without a WebSocket handshake. */
    int peerCount() {
        return peers.size();
    }

    /** The next connection that completed its handshake. */
    Peer awaitPeer() throws InterruptedException {
        Peer peer = accepted.poll(10, TimeUnit.SECONDS);
        if (peer == null) {
            throw new AssertionError("no WebSocket connection within 10 s");
        }
        return peer;
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                Peer peer = new Peer(socket);
                peers.add(peer);
                Thread reader = new Thread(peer::run, "raw-ws-peer");
                reader.setDaemon(true);
                reader.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (Peer peer : peers) {
            peer.drop();
        }
        try {
            acceptor.join(2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** One client connection. */
    final class Peer {
        private final Socket socket;
        private final Map<String, String> headers = new ConcurrentHashMap<>();
        final List<String> texts = new CopyOnWriteArrayList<>();
        final AtomicInteger pongs = new AtomicInteger();
        final AtomicInteger pings = new AtomicInteger();
        /** The code of the client's close frame, or -1 until one arrives. */
        volatile int closeCode = -1;
        volatile String closeReason;
        /** Set when the client's socket reached end of stream (or failed). */
        volatile boolean ended;

        Peer(Socket socket) {
            this.socket = socket;
        }

        /** The handshake request's headers, names in lower case. */
        Map<String, String> headers() {
            return headers;
        }

        private void run() {
            try (socket) {
                InputStream in = socket.getInputStream();
                handshake(in, socket.getOutputStream());
                accepted.add(this);
                DataInputStream data = new DataInputStream(in);
                while (true) {
                    int b0 = data.read();
                    if (b0 < 0) {
                        break;
                    }
                    int b1 = data.readUnsignedByte();
                    long length = b1 & 0x7F;
                    if (length == 126) {
                        length = data.readUnsignedShort();
                    } else if (length == 127) {
                        length = data.readLong();
                    }
                    byte[] mask = new byte[4];
                    if ((b1 & 0x80) != 0) {
                        data.readFully(mask);
                    }
                    byte[] payload = new byte[(int) length];
                    data.readFully(payload);
                    for (int i = 0; i < payload.length; i++) {
                        payload[i] ^= mask[i % 4];
                    }
                    switch (b0 & 0x0F) {
                        case 0x1 -> texts.add(new String(payload, StandardCharsets.UTF_8));
                        case 0x8 -> {
                            closeCode = payload.length >= 2 ? ((payload[0] & 0xFF) << 8) | (payload[1] & 0xFF) : 1005;
                            closeReason = payload.length > 2
                                    ? new String(payload, 2, payload.length - 2, StandardCharsets.UTF_8) : "";
                            if (!closeSent) {
                                send(0x8, true, payload);
                            }
                            return;
                        }
                        case 0x9 -> {
                            pings.incrementAndGet();
                            send(0xA, true, payload);
                        }
                        case 0xA -> pongs.incrementAndGet();
                        default -> { }
                    }
                }
            } catch (IOException e) {
                // the client went away or the test dropped the socket: recorded as ended below
            } finally {
                ended = true;
            }
        }

        private volatile boolean closeSent;

        private void handshake(InputStream in, OutputStream out) throws IOException {
            ByteArrayOutputStream head = new ByteArrayOutputStream();
            while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
                int c = in.read();
                if (c < 0) {
                    throw new IOException("end of stream in the handshake");
                }
                head.write(c);
            }
            String[] lines = head.toString(StandardCharsets.ISO_8859_1).split("\r\n");
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                if (colon > 0) {
                    headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
                            lines[i].substring(colon + 1).trim());
                }
            }
            String accept = accept(headers.getOrDefault("sec-websocket-key", ""));
            String reply = "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                    + "Sec-WebSocket-Accept: " + accept + "\r\n\r\n";
            out.write(reply.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
        }

        /** Sends one text message as a single frame. */
        void sendText(String text) throws IOException {
            send(0x1, true, text.getBytes(StandardCharsets.UTF_8));
        }

        /** Sends one text message cut into frames of the given parts (a text frame then continuations). */
        void sendFragments(String... parts) throws IOException {
            for (int i = 0; i < parts.length; i++) {
                send(i == 0 ? 0x1 : 0x0, i == parts.length - 1, parts[i].getBytes(StandardCharsets.UTF_8));
            }
        }

        void sendPing() throws IOException {
            send(0x9, true, new byte[] {1, 2});
        }

        /** Sends a close frame with the code and reason; the client is expected to answer it. */
        void sendClose(int code, String reason) throws IOException {
            byte[] text = reason.getBytes(StandardCharsets.UTF_8);
            byte[] payload = new byte[2 + text.length];
            payload[0] = (byte) (code >> 8);
            payload[1] = (byte) code;
            System.arraycopy(text, 0, payload, 2, text.length);
            closeSent = true;
            send(0x8, true, payload);
        }

        /** Closes TCP without a close frame. */
        void drop() {
            try {
                socket.setSoLinger(true, 0);
                socket.close();
            } catch (IOException e) {
                ended = true;
            }
        }

        private synchronized void send(int opcode, boolean fin, byte[] payload) throws IOException {
            OutputStream out = socket.getOutputStream();
            out.write((fin ? 0x80 : 0) | opcode);
            if (payload.length < 126) {
                out.write(payload.length);
            } else if (payload.length < 65_536) {
                out.write(126);
                out.write(payload.length >> 8);
                out.write(payload.length);
            } else {
                out.write(127);
                for (int shift = 56; shift >= 0; shift -= 8) {
                    out.write((int) ((long) payload.length >> shift));
                }
            }
            out.write(payload);
            out.flush();
        }
    }

    private static String accept(String key) {
        try {
            byte[] sha = MessageDigest.getInstance("SHA-1").digest((key + GUID).getBytes(StandardCharsets.ISO_8859_1));
            return Base64.getEncoder().encodeToString(sha);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
