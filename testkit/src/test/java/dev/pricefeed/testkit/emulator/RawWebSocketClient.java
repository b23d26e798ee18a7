package dev.pricefeed.testkit.emulator;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/** A bare-socket WebSocket client for what a normal client will not do: skip pongs, fragment, send unmasked frames. */
final class RawWebSocketClient implements AutoCloseable {

    static final int TEXT = 0x1;
    static final int CONTINUATION = 0x0;
    static final int CLOSE = 0x8;
    static final int PING = 0x9;
    static final int PONG = 0xA;

    /** A frame from the server. */
    record Frame(boolean fin, int opcode, boolean masked, byte[] payload) {
        String text() {
            return new String(payload, StandardCharsets.UTF_8);
        }
    }

    private final Socket socket;
    private final DataInputStream in;
    private final OutputStream out;
    private final String responseHead;

    private RawWebSocketClient(Socket socket, DataInputStream in, String responseHead) throws IOException {
        this.socket = socket;
        this.in = in;
        this.out = socket.getOutputStream();
        this.responseHead = responseHead;
    }

    /** Connects and sends an upgrade request with the given key; reads the response head. */
    static RawWebSocketClient connect(int port, String path, String key) throws IOException {
        Socket socket = new Socket(InetAddress.getLoopbackAddress(), port);
        socket.setSoTimeout(10_000);
        String request = "GET " + path + " HTTP/1.1\r\n"
                + "Host: 127.0.0.1:" + port + "\r\n"
                + "Upgrade: websocket\r\n"
                + "Connection: Upgrade\r\n"
                + "Sec-WebSocket-Key: " + key + "\r\n"
                + "Sec-WebSocket-Version: 13\r\n\r\n";
        socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
        DataInputStream in = new DataInputStream(socket.getInputStream());
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int lastFour = 0;
        while (lastFour != 0x0D0A0D0A) {
            int b = in.read();
            if (b < 0) {
                break;
            }
            head.write(b);
            lastFour = (lastFour << 8) | b;
        }
        return new RawWebSocketClient(socket, in, head.toString(StandardCharsets.ISO_8859_1));
    }

    /** Connects with a random key. */
    static RawWebSocketClient connect(int port, String path) throws IOException {
        return connect(port, path, "dGhlIHNhbXBsZSBub25jZQ==");
    }

    /** The server's handshake response, status line and headers. */
    String responseHead() {
        return responseHead;
    }

    /** Sends a masked frame. */
    void send(boolean fin, int opcode, byte[] payload) throws IOException {
        write(fin, opcode, payload, true);
    }

    /** Sends a masked, final text frame. */
    void sendText(String text) throws IOException {
        send(true, TEXT, text.getBytes(StandardCharsets.UTF_8));
    }

    /** Sends a frame without a mask, which RFC 6455 forbids for clients. */
    void sendUnmasked(String text) throws IOException {
        write(true, TEXT, text.getBytes(StandardCharsets.UTF_8), false);
    }

    /** Reads the next frame; throws EOFException or SocketException when the connection ends. */
    Frame read() throws IOException {
        int b0 = in.read();
        if (b0 < 0) {
            throw new EOFException("server closed the connection");
        }
        int b1 = in.readUnsignedByte();
        long length = b1 & 0x7F;
        if (length == 126) {
            length = in.readUnsignedShort();
        } else if (length == 127) {
            length = in.readLong();
        }
        byte[] payload = new byte[(int) length];
        in.readFully(payload);
        return new Frame((b0 & 0x80) != 0, b0 & 0x0F, (b1 & 0x80) != 0, payload);
    }

    /** Reads the next frame header's 7-bit length marker and payload length, then the payload. */
    long[] readLengthEncoding() throws IOException {
        int b0 = in.readUnsignedByte();
        int b1 = in.readUnsignedByte();
        int marker = b1 & 0x7F;
        long length = marker == 126 ? in.readUnsignedShort() : marker == 127 ? in.readLong() : marker;
        in.readFully(new byte[(int) length]);
        return new long[] {b0 & 0x0F, marker, length};
    }

    /** Sets how long a read may block. */
    void readTimeout(Duration timeout) throws IOException {
        socket.setSoTimeout((int) timeout.toMillis());
    }


    @Override
    public void close() throws IOException {
        socket.close();
    }

    private void write(boolean fin, int opcode, byte[] payload, boolean masked) throws IOException {
        int length = payload.length;
        ByteBuffer frame = ByteBuffer.allocate(14 + length);
        frame.put((byte) ((fin ? 0x80 : 0) | opcode));
        int maskBit = masked ? 0x80 : 0;
        if (length < 126) {
            frame.put((byte) (maskBit | length));
        } else if (length <= 0xFFFF) {
            frame.put((byte) (maskBit | 126));
            frame.putShort((short) length);
        } else {
            frame.put((byte) (maskBit | 127));
            frame.putLong(length);
        }
        byte[] mask = new byte[4];
        if (masked) {
            ThreadLocalRandom.current().nextBytes(mask);
            frame.put(mask);
        }
        for (int i = 0; i < length; i++) {
            frame.put((byte) (payload[i] ^ mask[i & 3]));
        }
        out.write(frame.array(), 0, frame.position());
        out.flush();
    }
}
