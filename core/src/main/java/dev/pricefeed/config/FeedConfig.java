package dev.pricefeed.config;

import dev.pricefeed.Channel;
import dev.pricefeed.Instrument;
import dev.pricefeed.spi.Credentials;
import dev.pricefeed.spi.OptionSpec;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/** The resolved, validated settings of one feed; immutable. Build with {@link #resolve}. */
public final class FeedConfig {

    /** Option keys containing one of these hold secrets (such as a passphrase) and are never printed. */
    private static final List<String> SECRET_WORDS = List.of("secret", "passphrase", "password", "token", "key");

    /** The values {@code websocket.transport} accepts. */
    public static final List<String> WEBSOCKET_TRANSPORTS = List.of("tyrus", "jdk");

    private final String exchange;
    private final List<Instrument> instruments;
    private final Set<Channel> channels;
    private final boolean websocketEnabled;
    private final String websocketTransport;
    private final Duration reconnectDelay;
    private final Duration maxReconnectDelay;
    private final int maxReconnectAttempts;
    private final Duration healthyAfter;
    private final Duration livenessTimeout;
    private final Duration handshakeTimeout;
    private final Duration staleAfter;
    private final Duration pollInterval;
    private final Duration probeInterval;
    private final Map<String, URI> endpoints;
    private final PluginOptions options;
    private final Credentials credentials;

    private FeedConfig(Resolver r) {
        this.exchange = r.exchange;
        this.instruments = List.copyOf(r.instruments);
        this.channels = Collections.unmodifiableSet(EnumSet.copyOf(r.channels));
        this.websocketEnabled = r.websocketEnabled;
        this.websocketTransport = r.websocketTransport;
        this.reconnectDelay = r.reconnectDelay;
        this.maxReconnectDelay = r.maxReconnectDelay;
        this.maxReconnectAttempts = r.maxReconnectAttempts;
        this.healthyAfter = r.healthyAfter;
        this.livenessTimeout = r.livenessTimeout;
        this.handshakeTimeout = r.handshakeTimeout;
        this.staleAfter = r.staleAfter;
        this.pollInterval = r.pollInterval;
        this.probeInterval = r.probeInterval;
        this.endpoints = Collections.unmodifiableMap(new TreeMap<>(r.endpoints));
        this.options = r.pluginOptions;
        this.credentials = r.credentials;
    }

    /**
     * Resolves and validates the settings of a feed whose plugin declares no options.
     *
     * @throws ConfigException listing every problem found
     */
    public static FeedConfig resolve(String exchange, List<String> instruments, Set<Channel> channels,
            ConfigSources sources) {
        return resolve(exchange, instruments, channels, sources, List.of());
    }

    /**
     * Resolves and validates the settings of one feed, the plugin's options with the core's.
     *
     * @param exchange the exchange id
     * @param instruments instruments as written by the user ({@code BTC/USD})
     * @param channels the channels; empty means ticker only
     * @param sources the setting layers
     * @param declaredOptions the options the exchange's plugin declares ({@code ExchangeProvider.options()})
     * @throws ConfigException listing every problem found
     */
    public static FeedConfig resolve(String exchange, List<String> instruments, Set<Channel> channels,
            ConfigSources sources, List<OptionSpec> declaredOptions) {
        Resolver resolver = new Resolver(exchange, sources, declaredOptions);
        resolver.resolve(instruments, channels);
        if (!resolver.problems.isEmpty()) {
            throw new ConfigException(resolver.problems);
        }
        return new FeedConfig(resolver);
    }

    public String exchange() { return exchange; }
    public List<Instrument> instruments() { return instruments; }
    public Set<Channel> channels() { return channels; }
    public boolean websocketEnabled() { return websocketEnabled; }
    /** The WebSocket client: {@code tyrus} or {@code jdk} (one of {@link #WEBSOCKET_TRANSPORTS}). */
    public String websocketTransport() { return websocketTransport; }
    public Duration reconnectDelay() { return reconnectDelay; }
    public Duration maxReconnectDelay() { return maxReconnectDelay; }
    public int maxReconnectAttempts() { return maxReconnectAttempts; }
    public Duration healthyAfter() { return healthyAfter; }
    /** The liveness timeout override, or empty to use the connector's. */
    public Optional<Duration> livenessTimeout() { return Optional.ofNullable(livenessTimeout); }
    /** How long opening a WebSocket (TCP connect and upgrade) may take. */
    public Duration handshakeTimeout() { return handshakeTimeout; }
    public Duration staleAfter() { return staleAfter; }
    public Duration pollInterval() { return pollInterval; }
    public Duration probeInterval() { return probeInterval; }
    /** Endpoint overrides by name ({@code websocket}, {@code rest}, ...). */
    public Map<String, URI> endpoints() { return endpoints; }
    /** The plugin's options ({@code <exchange>.<key>}), checked against its declarations, with defaults filled in. */
    public PluginOptions options() { return options; }
    public Optional<Credentials> credentials() { return Optional.ofNullable(credentials); }

    @Override
    public String toString() {
        return "FeedConfig[exchange=" + exchange + ", instruments=" + instruments + ", channels=" + channels
                + ", websocketEnabled=" + websocketEnabled + ", websocketTransport=" + websocketTransport
                + ", reconnectDelay=" + reconnectDelay
                + ", maxReconnectDelay=" + maxReconnectDelay + ", maxReconnectAttempts=" + maxReconnectAttempts
                + ", healthyAfter=" + healthyAfter + ", livenessTimeout=" + livenessTimeout
                + ", handshakeTimeout=" + handshakeTimeout
                + ", staleAfter=" + staleAfter + ", pollInterval=" + pollInterval + ", probeInterval=" + probeInterval
                + ", endpoints=" + redactedEndpoints() + ", options=" + options.shown() + ", credentials="
                + (credentials == null ? "none" : credentials) + "]";
    }

    /** The endpoints with any user info (a proxy password) shown as {@code ***}. */
    private Map<String, String> redactedEndpoints() {
        Map<String, String> shown = new TreeMap<>();
        endpoints.forEach((name, uri) -> shown.put(name, redactUserInfo(uri.toString())));
        return shown;
    }

    /** A URI text with the user info between {@code //} and {@code @} replaced by {@code ***}. */
    static String redactUserInfo(String uri) {
        int scheme = uri.indexOf("://");
        if (scheme < 0) {
            return uri;
        }
        int start = scheme + 3;
        int end = start;
        while (end < uri.length() && "/?#".indexOf(uri.charAt(end)) < 0) {
            end++;
        }
        int at = uri.lastIndexOf('@', end - 1);
        return at < start ? uri : uri.substring(0, start) + "***" + uri.substring(at);
    }

    /** Whether an option key names a secret (a passphrase, a token), whose value is never shown. */
    static boolean looksSecret(String key) {
        String k = key.toLowerCase(Locale.ROOT);
        return SECRET_WORDS.stream().anyMatch(k::contains);
    }

    /** Parses a duration: seconds as a decimal ({@code 5}, {@code 0.5}), with a unit ({@code 500ms}, {@code 2m}) or ISO. */
    public static Duration parseDuration(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        if (t.startsWith("pt") || t.startsWith("p")) {
            return Duration.parse(t.toUpperCase(Locale.ROOT));
        }
        long nanosPerUnit;
        String number;
        if (t.endsWith("ms")) {
            nanosPerUnit = 1_000_000L;
            number = t.substring(0, t.length() - 2);
        } else if (t.endsWith("s")) {
            nanosPerUnit = 1_000_000_000L;
            number = t.substring(0, t.length() - 1);
        } else if (t.endsWith("m")) {
            nanosPerUnit = 60_000_000_000L;
            number = t.substring(0, t.length() - 1);
        } else if (t.endsWith("h")) {
            nanosPerUnit = 3_600_000_000_000L;
            number = t.substring(0, t.length() - 1);
        } else {
            nanosPerUnit = 1_000_000_000L;
            number = t;
        }
        BigDecimal nanos = new BigDecimal(number.trim()).multiply(BigDecimal.valueOf(nanosPerUnit));
        return Duration.ofNanos(nanos.longValueExact());
    }

    private static final class Resolver {
        /** The endpoints every connector has; they can also be set through the environment. */
        private static final List<String> STANDARD_ENDPOINTS = List.of("websocket", "rest");

        private final String exchange;
        private final ConfigSources sources;
        private final List<String> problems = new ArrayList<>();
        private final List<Instrument> instruments = new ArrayList<>();
        private final Set<Channel> channels = EnumSet.noneOf(Channel.class);
        private boolean websocketEnabled;
        private String websocketTransport;
        private Duration reconnectDelay;
        private Duration maxReconnectDelay;
        private int maxReconnectAttempts;
        private Duration healthyAfter;
        private Duration livenessTimeout;
        private Duration handshakeTimeout;
        private Duration staleAfter;
        private Duration pollInterval;
        private Duration probeInterval;
        private final Map<String, URI> endpoints = new TreeMap<>();
        private final Map<String, String> options = new TreeMap<>();
        private final List<OptionSpec> declaredOptions;
        private PluginOptions pluginOptions;
        private Credentials credentials;

        Resolver(String exchange, ConfigSources sources, List<OptionSpec> declaredOptions) {
            this.exchange = exchange == null ? null : exchange.trim().toLowerCase(Locale.ROOT);
            this.sources = sources;
            this.declaredOptions = List.copyOf(declaredOptions);
            problems.addAll(sources.problems());
        }

        void resolve(List<String> requested, Set<Channel> requestedChannels) {
            if (exchange == null || exchange.isEmpty()) {
                problems.add("no exchange given: set one such as kraken");
            }
            Set<String> seen = new LinkedHashSet<>();
            for (String text : requested) {
                try {
                    Instrument instrument = Instrument.of(text);
                    if (seen.add(instrument.toString())) {
                        instruments.add(instrument);
                    }
                } catch (IllegalArgumentException e) {
                    problems.add(e.getMessage());
                }
            }
            channels.addAll(requestedChannels.isEmpty() ? Set.of(Channel.TICKER) : requestedChannels);
            boolean publicChannels = channels.stream().anyMatch(c -> !c.isPrivate());
            if (publicChannels && requested.isEmpty()) {
                problems.add("no instruments given: name at least one such as BTC/USD");
            }
            websocketEnabled = bool(Setting.WEBSOCKET_ENABLED);
            websocketTransport = oneOf(Setting.WEBSOCKET_TRANSPORT, WEBSOCKET_TRANSPORTS);
            reconnectDelay = duration(Setting.RECONNECT_DELAY, false);
            maxReconnectDelay = duration(Setting.RECONNECT_MAX_DELAY, false);
            maxReconnectAttempts = integer(Setting.MAX_RECONNECT_ATTEMPTS, 0);
            healthyAfter = duration(Setting.HEALTHY_AFTER, false);
            livenessTimeout = duration(Setting.LIVENESS_TIMEOUT, true);
            handshakeTimeout = duration(Setting.HANDSHAKE_TIMEOUT, false);
            staleAfter = duration(Setting.STALE_AFTER, false);
            pollInterval = duration(Setting.POLL_INTERVAL, false);
            probeInterval = duration(Setting.PROBE_INTERVAL, false);
            if (reconnectDelay != null && maxReconnectDelay != null && maxReconnectDelay.compareTo(reconnectDelay) < 0) {
                problems.add(Setting.RECONNECT_MAX_DELAY.key() + " (" + maxReconnectDelay.toMillis()
                        + " ms) is below " + Setting.RECONNECT_DELAY.key() + " (" + reconnectDelay.toMillis() + " ms)");
            }
            if (exchange != null && !exchange.isEmpty()) {
                exchangeSettings();
            }
            pluginOptions = PluginOptions.check(exchange == null || exchange.isEmpty() ? "exchange" : exchange,
                    declaredOptions, options, problems);
        }

        private void exchangeSettings() {
            String apiKey = sources.get(exchange + ".api-key",
                    Setting.exchangeEnvironmentVariable(exchange, "api-key")).orElse("");
            String apiSecret = sources.get(exchange + ".api-secret",
                    Setting.exchangeEnvironmentVariable(exchange, "api-secret")).orElse("");
            if (!apiKey.isEmpty() && !apiSecret.isEmpty()) {
                credentials = new Credentials(apiKey, apiSecret);
            } else if (!apiKey.isEmpty()) {
                problems.add(exchange + " API key is set but the secret is not (set "
                        + Setting.exchangeEnvironmentVariable(exchange, "api-secret") + ")");
            } else if (!apiSecret.isEmpty()) {
                problems.add(exchange + " API secret is set but the key is not (set "
                        + Setting.exchangeEnvironmentVariable(exchange, "api-key") + ")");
            }
            boolean wantsPrivate = channels.stream().anyMatch(Channel::isPrivate);
            if (wantsPrivate && credentials == null) {
                problems.add("private channels " + channels.stream().filter(Channel::isPrivate).toList()
                        + " need credentials: set " + Setting.exchangeEnvironmentVariable(exchange, "api-key")
                        + " and " + Setting.exchangeEnvironmentVariable(exchange, "api-secret"));
            }
            for (String name : STANDARD_ENDPOINTS) {
                sources.get(exchange + ".endpoint." + name,
                        Setting.exchangeEnvironmentVariable(exchange, "endpoint." + name)).ifPresent(v -> endpoint(name, v));
            }
            sources.withPrefix(exchange + ".").forEach((key, value) -> {
                if (key.startsWith("endpoint.")) {
                    String name = key.substring("endpoint.".length());
                    // websocket and rest were read above with the environment layer; reading them again from the
                    // other layers would report a bad value twice or let a lower layer's value through
                    if (!STANDARD_ENDPOINTS.contains(name)) {
                        endpoint(name, value);
                    }
                } else if (!key.equals("api-key") && !key.equals("api-secret")) {
                    options.put(key, value);
                }
            });
        }

        private void endpoint(String name, String value) {
            String shown = "'" + redactUserInfo(value) + "'";
            try {
                URI uri = new URI(value);
                String scheme = uri.getScheme();
                if (scheme == null || !List.of("ws", "wss", "http", "https").contains(scheme) || uri.getHost() == null) {
                    problems.add(exchange + ".endpoint." + name + " " + shown
                            + " is not a ws://, wss://, http:// or https:// URI with a host");
                } else {
                    endpoints.put(name, uri);
                }
            } catch (URISyntaxException e) {
                // the exception's own message repeats the whole value, user info included
                problems.add(exchange + ".endpoint." + name + " " + shown + " is not a URI: " + e.getReason()
                        + (e.getIndex() >= 0 ? " at index " + e.getIndex() : ""));
            }
        }

        private String raw(Setting setting) {
            return sources.get(setting.key(), setting.environmentVariable()).orElse(setting.defaultValue());
        }

        private String where(Setting setting) {
            return setting.key() + " (" + setting.environmentVariable() + ")";
        }

        private boolean bool(Setting setting) {
            String value = raw(setting).toLowerCase(Locale.ROOT);
            if (value.equals("true") || value.equals("false")) {
                return Boolean.parseBoolean(value);
            }
            problems.add(where(setting) + " must be true or false, got '" + value + "'");
            return true;
        }

        private String oneOf(Setting setting, List<String> allowed) {
            String value = raw(setting).toLowerCase(Locale.ROOT);
            if (allowed.contains(value)) {
                return value;
            }
            problems.add(where(setting) + " must be one of " + String.join(", ", allowed) + ", got '" + value + "'");
            return setting.defaultValue();
        }

        private int integer(Setting setting, int min) {
            String value = raw(setting);
            try {
                int parsed = Integer.parseInt(value);
                if (parsed < min) {
                    problems.add(where(setting) + " must be at least " + min + ", got " + parsed);
                }
                return parsed;
            } catch (NumberFormatException e) {
                problems.add(where(setting) + " must be a whole number, got '" + value + "'");
                return 0;
            }
        }

        private Duration duration(Setting setting, boolean optional) {
            String value = raw(setting);
            if (value.isEmpty() && optional) {
                return null;
            }
            try {
                Duration parsed = parseDuration(value);
                boolean zeroAllowed = setting == Setting.RECONNECT_DELAY;
                if (parsed.isNegative() || (parsed.isZero() && !zeroAllowed)) {
                    problems.add(where(setting) + (zeroAllowed ? " must not be negative" : " must be positive")
                            + ", got '" + value + "'");
                    // a rejected value takes no part in the checks between settings, which would only repeat it
                    return null;
                }
                return parsed;
            } catch (RuntimeException e) {
                problems.add(where(setting) + " must be a duration in seconds such as 5, 0.5, 500ms or PT5S, got '"
                        + value + "'");
                return null;
            }
        }
    }
}
