package dev.pricefeed;

/** Where a feed is in its connection life cycle. */
public enum FeedState {
    /** Built, not started. */
    IDLE,
    /** Opening the WebSocket (including any bootstrap request such as a token). */
    CONNECTING,
    /** Connected, subscriptions sent, waiting for the first data. */
    SUBSCRIBING,
    /** Data is flowing over the WebSocket. */
    STREAMING,
    /** Waiting before the next connection attempt. */
    BACKOFF,
    /** WebSocket given up or disabled; prices come from REST polling, and the WebSocket is probed now and then. */
    POLLING,
    /** Closed for good. */
    CLOSED
}
