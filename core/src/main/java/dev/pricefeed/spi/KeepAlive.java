package dev.pricefeed.spi;

import java.time.Duration;
import java.util.Objects;

/**
 * How a connection is kept alive and how its death is detected. Any frame received proves the socket alive; none
 * within {@code livenessTimeout} (or none within {@code pongTimeout} after a ping) means it is dead, even if TCP says
 * open.
 *
 * @param ping what the client sends to keep the connection alive
 * @param pingInterval how often the client pings ({@code null} when it does not)
 * @param pongTimeout how long after a ping some frame must arrive ({@code null} when the client does not ping)
 * @param livenessTimeout the longest silence tolerated from the server
 */
public record KeepAlive(Ping ping, Duration pingInterval, Duration pongTimeout, Duration livenessTimeout) {

    /** What the client sends. */
    public enum Ping {
        /** Nothing: the server sends heartbeats or pings and the client only answers (pong frames are automatic). */
        NONE,
        /** RFC 6455 ping frames. */
        WEBSOCKET_FRAME,
        /** A text message from {@link ConnectionSession#pingMessage(long)}. */
        APPLICATION_MESSAGE
    }

    public KeepAlive {
        Objects.requireNonNull(ping, "ping is null");
        Objects.requireNonNull(livenessTimeout, "livenessTimeout is null");
        if (ping != Ping.NONE) {
            Objects.requireNonNull(pingInterval, "pingInterval is null");
            Objects.requireNonNull(pongTimeout, "pongTimeout is null");
        }
    }

    /** The shortest liveness timeout derived from a heartbeat: below it a loaded machine would see false deaths. */
    public static final Duration MIN_LIVENESS = Duration.ofSeconds(5);

    /**
     * How long a socket may stay silent when the exchange promises a frame (heartbeat, pong or data) at least every
     * {@code heartbeat}: three missed heartbeats, and never less than {@link #MIN_LIVENESS}.
     */
    public static Duration livenessFor(Duration heartbeat) {
        Objects.requireNonNull(heartbeat, "heartbeat is null");
        Duration three = heartbeat.multipliedBy(3);
        return three.compareTo(MIN_LIVENESS) >= 0 ? three : MIN_LIVENESS;
    }

    /**
     * The exchange sends a heartbeat (or data) at least every {@code heartbeat} (Kraken and Coinbase: every second);
     * a silent socket is replaced after {@link #livenessFor(Duration) max(3 x heartbeat, 5 s)}.
     */
    public static KeepAlive serverHeartbeatsEvery(Duration heartbeat) {
        return serverHeartbeats(livenessFor(heartbeat));
    }

    /** The server sends heartbeats (or data) on its own; silence longer than {@code livenessTimeout} is death. */
    public static KeepAlive serverHeartbeats(Duration livenessTimeout) {
        return new KeepAlive(Ping.NONE, null, null, livenessTimeout);
    }

    /** The client sends WebSocket ping frames every {@code interval}. */
    public static KeepAlive pingFrames(Duration interval, Duration pongTimeout, Duration livenessTimeout) {
        return new KeepAlive(Ping.WEBSOCKET_FRAME, interval, pongTimeout, livenessTimeout);
    }

    /** The client sends an application ping message every {@code interval}. */
    public static KeepAlive applicationPing(Duration interval, Duration pongTimeout, Duration livenessTimeout) {
        return new KeepAlive(Ping.APPLICATION_MESSAGE, interval, pongTimeout, livenessTimeout);
    }
}
