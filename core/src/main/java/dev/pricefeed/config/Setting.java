package dev.pricefeed.config;

import java.util.List;
import java.util.Locale;

/** The general settings, their keys, environment variables, defaults and meaning (the source of the docs table). */
public enum Setting {
    WEBSOCKET_ENABLED("websocket.enabled", "WEBSOCKET_ENABLED", "true",
            "false = REST polling only, no WebSocket"),
    WEBSOCKET_TRANSPORT("websocket.transport", "WEBSOCKET_TRANSPORT", "tyrus",
            "the WebSocket client: tyrus (Jakarta WebSocket, the default) or jdk (java.net.http, leaner)"),
    RECONNECT_DELAY("websocket.reconnect.delay", "WEBSOCKET_RECONNECT_DELAY", "5",
            "first backoff delay after a failed connect, seconds (or 500ms, PT0.5S)"),
    RECONNECT_MAX_DELAY("websocket.reconnect.max-delay", "WEBSOCKET_RECONNECT_MAX_DELAY", "60",
            "cap of the exponential backoff delay"),
    MAX_RECONNECT_ATTEMPTS("websocket.reconnect.max-attempts", "WEBSOCKET_MAX_RECONNECT_ATTEMPTS", "10",
            "failed attempts in a row before falling back to REST polling"),
    HEALTHY_AFTER("websocket.healthy-after", "WEBSOCKET_HEALTHY_AFTER", "30",
            "a connection that stays up this long resets the attempt counter"),
    LIVENESS_TIMEOUT("websocket.liveness-timeout", "WEBSOCKET_LIVENESS_TIMEOUT", "",
            "silence after which an open socket is judged dead; empty = the connector's value"),
    HANDSHAKE_TIMEOUT("websocket.handshake-timeout", "WEBSOCKET_HANDSHAKE_TIMEOUT", "10",
            "how long opening a WebSocket (TCP connect and upgrade) may take before the attempt fails and is retried"),
    STALE_AFTER("feed.stale-after", "PRICEFEED_STALE_AFTER", "60",
            "no data for an instrument this long emits a Stale event (not a reconnect)"),
    POLL_INTERVAL("rest.poll-interval", "PRICEFEED_POLL_INTERVAL", "2",
            "time between REST polls in fallback (never faster than the exchange allows)"),
    PROBE_INTERVAL("rest.probe-interval", "PRICEFEED_PROBE_INTERVAL", "30",
            "while polling, how often the WebSocket is tried again");

    private final String key;
    private final String environmentVariable;
    private final String defaultValue;
    private final String description;

    Setting(String key, String environmentVariable, String defaultValue, String description) {
        this.key = key;
        this.environmentVariable = environmentVariable;
        this.defaultValue = defaultValue;
        this.description = description;
    }

    /** The key in {@code pricefeed.properties}; the system property is {@code pricefeed.<key>}. */
    public String key() {
        return key;
    }

    /** The environment variable. */
    public String environmentVariable() {
        return environmentVariable;
    }

    /** The default as text. */
    public String defaultValue() {
        return defaultValue;
    }

    /** One line on what it does. */
    public String description() {
        return description;
    }

    /** Keys of per-exchange settings: {@code <exchange>.api-key} and friends. */
    public static List<String> perExchangeKeys() {
        return List.of("api-key", "api-secret", "endpoint.websocket", "endpoint.rest");
    }

    /** The environment variable of a per-exchange setting, such as {@code KRAKEN_API_KEY}. */
    public static String exchangeEnvironmentVariable(String exchange, String key) {
        return (exchange + "_" + key).toUpperCase(Locale.ROOT).replace('-', '_').replace('.', '_');
    }
}
