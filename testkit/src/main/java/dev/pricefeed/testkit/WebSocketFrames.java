package dev.pricefeed.testkit;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/** Reads client frames and encodes server frames as RFC 6455 describes them. */
final class WebSocketFrames {

    static final int CONTINUATION = 0x0;
    static final int TEXT = 0x1;
    static final int BINARY = 0x2;
    static final int CLOSE = 0x8;
    static final int PING = 0x9;
    static final int PONG = 0xA;

    /** Close code sent when a client frame is larger than {@link #MAX_PAYLOAD}. */
    static final int MESSAGE_TOO_BIG = 1009;

    /** Largest client payload accepted, so a broken client cannot exhaust the test's memory. */
    static final long MAX_PAYLOAD = 64L * 1024 * 1024;

    private WebSocketFrames() {
    }

    /**
     * One frame as received, payload already unmasked.
     *
     * @param fin whether this is the last fragment of a message
     * @param opcode the frame's opcode
     * @param masked whether the client masked it (RFC 6455 requires it)
     * @param payload the unmasked payload
     */
    record Frame(boolean fin, int opcode, boolean masked, byte[] payload) {

        boolean isControl() {
            return (opcode & 0x8) != 0;
        }
    }

    /** Thrown when a frame announces a payload larger than {@link #MAX_PAYLOAD}. */
    static final class FrameTooLargeException extends IOException {
        private static final long serialVersionUID = 1L;

        FrameTooLargeException(long length) {
            super("client frame of " + length + " bytes exceeds the emulator's limit of " + MAX_PAYLOAD);
        }
    }

    /** Reads one frame; throws {@link EOFException} when the stream ends. */
    static Frame read(DataInputStream in) throws IOException {
        int b0 = in.read();
        if (b0 < 0) {
            throw new EOFException("connection closed by peer");
        }
        int b1 = in.readUnsignedByte();
        boolean fin = (b0 & 0x80) != 0;
        int opcode = b0 & 0x0F;
        boolean masked = (b1 & 0x80) != 0;
        long length = b1 & 0x7F;
        if (length == 126) {
            length = in.readUnsignedShort();
        } else if (length == 127) {
            length = in.readLong();
        }
        if (length < 0 || length > MAX_PAYLOAD) {
            throw new FrameTooLargeException(length);
        }
        byte[] mask = new byte[4];
        if (masked) {
            in.readFully(mask);
        }
        byte[] payload = new byte[(int) length];
        in.readFully(payload);
        if (masked) {
            for (int i = 0; i < payload.length; i++) {
                payload[i] ^= mask[i & 3];
            }
        }
        return new Frame(fin, opcode, masked, payload);
    }

    /** An unmasked, final server frame. */
    static byte[] encode(int opcode, byte[] payload) {
        int length = payload.length;
        int headerLength = length < 126 ? 2 : length <= 0xFFFF ? 4 : 10;
        ByteBuffer frame = ByteBuffer.allocate(headerLength + length);
        frame.put((byte) (0x80 | opcode));
        if (length < 126) {
            frame.put((byte) length);
        } else if (length <= 0xFFFF) {
            frame.put((byte) 126);
            frame.putShort((short) length);
        } else {
            frame.put((byte) 127);
            frame.putLong(length);
        }
        frame.put(payload);
        return frame.array();
    }

    /** A binary frame. */
    static byte[] binary(byte[] payload) {
        return encode(BINARY, payload);
    }

    /**
     * The start of a text frame that announces {@code announced} payload bytes but carries only the first
     * {@code carried} bytes of the text: a frame cut off in the middle, as when a peer dies while writing.
     */
    static byte[] truncatedText(String text, int carried) {
        byte[] whole = text(text);
        int header = whole.length - text.getBytes(StandardCharsets.UTF_8).length;
        return java.util.Arrays.copyOf(whole, Math.min(whole.length - 1, header + Math.max(0, carried)));
    }

    /** A text frame. */
    static byte[] text(String text) {
        return encode(TEXT, text.getBytes(StandardCharsets.UTF_8));
    }

    /** A close frame with a code and a reason (cut so the payload fits a control frame's 125 bytes). */
    static byte[] close(int code, String reason) {
        byte[] reasonBytes = reason == null ? new byte[0] : reason.getBytes(StandardCharsets.UTF_8);
        int reasonLength = Math.min(reasonBytes.length, 123);
        ByteBuffer payload = ByteBuffer.allocate(2 + reasonLength);
        payload.putShort((short) code);
        payload.put(reasonBytes, 0, reasonLength);
        return encode(CLOSE, payload.array());
    }

    /** The close code in a close frame's payload, or 1005 (no status) when it has none. */
    static int closeCode(byte[] payload) {
        return payload.length >= 2 ? ((payload[0] & 0xFF) << 8) | (payload[1] & 0xFF) : 1005;
    }
}
