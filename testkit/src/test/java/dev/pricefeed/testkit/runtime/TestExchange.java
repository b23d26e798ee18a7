package dev.pricefeed.testkit.runtime;

import dev.pricefeed.Channel;
import dev.pricefeed.Instrument;
import dev.pricefeed.Side;
import dev.pricefeed.Tick;
import dev.pricefeed.Trade;
import dev.pricefeed.spi.Capability;
import dev.pricefeed.spi.ConnectionSession;
import dev.pricefeed.spi.ExchangeConnector;
import dev.pricefeed.spi.ExchangeContext;
import dev.pricefeed.spi.ExchangeProvider;
import dev.pricefeed.spi.FallbackPoller;
import dev.pricefeed.spi.KeepAlive;
import dev.pricefeed.spi.Limits;
import dev.pricefeed.spi.MessageParser;
import dev.pricefeed.spi.OptionSpec;
import dev.pricefeed.spi.ParseSink;
import dev.pricefeed.spi.Spi;
import dev.pricefeed.spi.Subscription;
import dev.pricefeed.spi.SymbolMapper;
import dev.pricefeed.spi.support.JsonFrames;
import dev.pricefeed.spi.support.RestCalls;
import jakarta.json.stream.JsonParser;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import java.util.zip.GZIPInputStream;

/**
 * A test-only exchange ("test") with a tiny JSON protocol, used to test the runtime against the emulator. Its
 * behaviour is tuned with options: {@code max-weight}, {@code per-message}, {@code rate} (messages per second),
 * {@code lifetime-ms}, {@code ping-ms} (application ping), {@code liveness-ms}, {@code welcome} (wait for welcome),
 * {@code event-trigger} ({@code trades} or {@code bbo}, checked on create), {@code crash-on-create},
 * {@code pong-timeout-ms} (default: {@code ping-ms}).
 */
public class TestExchange implements ExchangeProvider {

    @Override
    public String id() {
        return "test";
    }

    /** The same exchange under another id ("test2"), for services of two feeds. */
    public static final class Second extends TestExchange {
        @Override
        public String id() {
            return "test2";
        }
    }

    @Override
    public String version() {
        return "1.0.0-test";
    }

    @Override
    public String spiVersion() {
        return Spi.VERSION;
    }

    @Override
    public Set<Capability> capabilities() {
        return EnumSet.of(Capability.TICKER, Capability.TRADES);
    }

    @Override
    public List<OptionSpec> options() {
        return List.of(
                OptionSpec.integer("max-weight", Integer.MAX_VALUE, 1, Integer.MAX_VALUE, "weight per connection"),
                OptionSpec.integer("per-message", Integer.MAX_VALUE, 1, Integer.MAX_VALUE, "subscriptions per message"),
                OptionSpec.integer("rate", Integer.MAX_VALUE, 1, Integer.MAX_VALUE, "messages per second"),
                OptionSpec.integer("lifetime-ms", 0, 0, Integer.MAX_VALUE, "connection lifetime, 0 for none"),
                OptionSpec.integer("ping-ms", 0, 0, Integer.MAX_VALUE, "application ping interval, 0 for none"),
                OptionSpec.integer("ping-frames-ms", 0, 0, Integer.MAX_VALUE, "ping frame interval, 0 for none"),
                OptionSpec.integer("liveness-ms", 2000, 1, Integer.MAX_VALUE, "liveness timeout"),
                OptionSpec.flag("welcome", false, "wait for a welcome before subscribing"),
                OptionSpec.text("token", "", "a token added to the WebSocket URI"),
                OptionSpec.integer("pong-timeout-ms", 0, 0, Integer.MAX_VALUE, "pong deadline, 0 for ping-ms"),
                // checked by create(), not declared with allowed values, to test a refusal at creation
                OptionSpec.text("event-trigger", "trades", "trades or bbo"),
                OptionSpec.flag("crash-on-create", false, "create() throws IllegalStateException"));
    }

    @Override
    public ExchangeConnector create(ExchangeContext context) {
        // Options read when the connector is made, as real plugins do: a bad value is refused here
        String trigger = context.options().string("event-trigger");
        if (!trigger.equals("trades") && !trigger.equals("bbo")) {
            throw new IllegalArgumentException("event-trigger must be trades or bbo, got " + trigger);
        }
        if (context.options().bool("crash-on-create")) {
            throw new IllegalStateException("the test plugin crashed while being created");
        }
        return new Connector(context);
    }

    /** Every session a parser was made for, in order, so tests can see the runtime asks once per connection. */
    static final List<ConnectionSession> PARSED_SESSIONS = new CopyOnWriteArrayList<>();

    static final class Connector implements ExchangeConnector {
        private final ExchangeContext context;

        Connector(ExchangeContext context) {
            this.context = context;
        }

        private String base() {
            String rest = context.endpoint("rest").orElseThrow().toString();
            return rest.endsWith("/") ? rest : rest + "/";
        }

        private long option(String key) {
            return context.options().integer(key);
        }

        @Override
        public Limits limits() {
            Limits limits = Limits.none()
                    .withMaxWeightPerConnection((int) option("max-weight"))
                    .withMaxSubscriptionsPerMessage((int) option("per-message"))
                    .withMessageRate((int) option("rate"), Duration.ofSeconds(1));
            long lifetime = option("lifetime-ms");
            return lifetime > 0 ? limits.withMaxConnectionLifetime(Duration.ofMillis(lifetime)) : limits;
        }

        @Override
        public ConnectionSession connect(String route, List<Subscription> subscriptions) {
            URI endpoint = context.endpoint("websocket").orElseThrow();
            String token = context.options().string("token");
            URI uri = token.isEmpty() ? endpoint : URI.create(endpoint + "?token=" + token);
            long ping = option("ping-ms");
            Duration liveness = Duration.ofMillis(option("liveness-ms"));
            long pingFrames = option("ping-frames-ms");
            KeepAlive keepAlive = ping > 0
                    ? KeepAlive.applicationPing(Duration.ofMillis(ping),
                            Duration.ofMillis(option("pong-timeout-ms") > 0 ? option("pong-timeout-ms") : ping), liveness)
                    : pingFrames > 0
                    ? KeepAlive.pingFrames(Duration.ofMillis(pingFrames), Duration.ofMillis(pingFrames * 3), liveness)
                    : KeepAlive.serverHeartbeats(liveness);
            boolean welcome = context.options().bool("welcome");
            return new ConnectionSession() {
                @Override
                public URI uri() {
                    return uri;
                }

                @Override
                public KeepAlive keepAlive() {
                    return keepAlive;
                }

                @Override
                public boolean awaitsWelcome() {
                    return welcome;
                }

                @Override
                public List<String> subscribeMessages(List<Subscription> batch) {
                    Map<Channel, List<String>> byChannel = new LinkedHashMap<>();
                    for (Subscription sub : batch) {
                        byChannel.computeIfAbsent(sub.channel(), c -> new ArrayList<>()).add(sub.instrument().toString());
                    }
                    List<String> messages = new ArrayList<>();
                    byChannel.forEach((channel, symbols) -> messages.add("{\"op\":\"subscribe\",\"channel\":\""
                            + (channel == Channel.TICKER ? "ticker" : "trades") + "\",\"symbols\":["
                            + symbols.stream().map(s -> "\"" + s + "\"").collect(Collectors.joining(",")) + "]}"));
                    return messages;
                }

                @Override
                public String pingMessage(long n) {
                    return "{\"op\":\"ping\",\"n\":" + n + "}";
                }
            };
        }

        @Override
        public MessageParser newParser(Optional<ConnectionSession> connection) {
            connection.ifPresent(PARSED_SESSIONS::add);
            return new MessageParser() {
                @Override
                public void parse(String frame, ParseSink sink) {
                    Connector.this.parse(frame, sink);
                }

                /** Gzip-compressed text frames are read, as some exchanges send them; other binary frames skipped. */
                @Override
                public boolean parseBinary(ByteBuffer frame, ParseSink sink) {
                    if (frame.remaining() < 2 || frame.get(frame.position()) != (byte) 0x1f
                            || frame.get(frame.position() + 1) != (byte) 0x8b) {
                        return false;
                    }
                    byte[] bytes = new byte[frame.remaining()];
                    frame.get(bytes);
                    try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
                        Connector.this.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), sink);
                    } catch (IOException e) {
                        throw new UncheckedIOException("not a gzip frame", e);
                    }
                    return true;
                }
            };
        }

        private void parse(String frame, ParseSink sink) {
            Map<String, String> fields = flat(frame);
            String type = fields.get("type");
            Instrument instrument = fields.containsKey("symbol") ? Instrument.of(fields.get("symbol")) : null;
            switch (type == null ? "" : type) {
                case "tick" -> {
                    if (fields.containsKey("cseq") && !sink.connectionSequence("envelope", null,
                            Long.parseLong(fields.get("cseq")))) {
                        return;
                    }
                    if (fields.containsKey("seq")
                            && !sink.sequence("tick:" + instrument, instrument, Long.parseLong(fields.get("seq")))) {
                        return;
                    }
                    sink.tick(tick(fields, instrument, sink));
                }
                case "trade" -> sink.trade(new Trade(context.exchangeId(), instrument,
                        new BigDecimal(fields.get("price")), new BigDecimal(fields.get("size")),
                        "buy".equals(fields.get("side")) ? Side.BUY : Side.SELL, fields.get("id"), null,
                        sink.receivedAt()));
                case "ack" -> sink.subscribed(channel(fields), instrument);
                case "nack" -> sink.subscribeFailed(channel(fields), instrument, fields.get("reason"));
                case "hb" -> sink.heartbeat();
                case "pong" -> sink.pong();
                case "welcome" -> sink.welcome();
                case "shutdown" -> sink.reconnectRequested("server shutdown notice");
                case "error" -> sink.exchangeError(fields.get("code"), fields.get("message"));
                default -> sink.unknown(String.valueOf(type));
            }
        }

        private static Channel channel(Map<String, String> fields) {
            return "trades".equals(fields.get("channel")) ? Channel.TRADES : Channel.TICKER;
        }

        private Tick tick(Map<String, String> fields, Instrument instrument, ParseSink sink) {
            return Tick.builder(context.exchangeId(), instrument)
                    .last(decimal(fields.get("last")))
                    .bid(decimal(fields.get("bid")))
                    .ask(decimal(fields.get("ask")))
                    .sequence(fields.containsKey("seq") ? Long.valueOf(fields.get("seq")) : null)
                    .receivedAt(sink.receivedAt())
                    .build();
        }

        private static BigDecimal decimal(String text) {
            return text == null ? null : new BigDecimal(text);
        }

        /** Reads a flat JSON object's scalar fields (nested values skipped). */
        static Map<String, String> flat(String frame) {
            Map<String, String> fields = new HashMap<>();
            try (JsonParser parser = JsonFrames.parser(frame)) {
                if (parser.next() != JsonParser.Event.START_OBJECT) {
                    throw new IllegalArgumentException("not an object");
                }
                while (parser.hasNext()) {
                    JsonParser.Event event = parser.next();
                    if (event == JsonParser.Event.END_OBJECT) {
                        break;
                    }
                    String key = parser.getString();
                    JsonParser.Event value = parser.next();
                    if (value == JsonParser.Event.START_OBJECT || value == JsonParser.Event.START_ARRAY) {
                        JsonFrames.skip(parser, value);
                    } else {
                        fields.put(key, JsonFrames.text(parser, value));
                    }
                }
            }
            return fields;
        }

        @Override
        public FallbackPoller poller() {
            return new FallbackPoller() {
                @Override
                public List<Tick> poll(List<Instrument> instruments) throws IOException, InterruptedException {
                    String symbols = instruments.stream().map(Instrument::toString).collect(Collectors.joining(","));
                    URI uri = URI.create(base() + "ticker?symbols=" + symbols);
                    String body = RestCalls.get(context.httpClient(), uri);
                    List<Tick> ticks = new ArrayList<>();
                    for (String line : body.split("\n")) {
                        if (!line.isBlank()) {
                            Map<String, String> fields = flat(line);
                            Instrument instrument = Instrument.of(fields.get("symbol"));
                            ticks.add(Tick.builder(context.exchangeId(), instrument).last(decimal(fields.get("last")))
                                    .bid(decimal(fields.get("bid"))).ask(decimal(fields.get("ask")))
                                    .receivedAt(context.clock().instant()).build());
                        }
                    }
                    return ticks;
                }

                @Override
                public Duration minInterval(int instruments) {
                    return Duration.ofMillis(20);
                }
            };
        }

        @Override
        public SymbolMapper symbols() {
            return new SymbolMapper() {
                @Override
                public String toNative(Instrument instrument) {
                    return instrument.toString();
                }

                @Override
                public Instrument fromNative(String symbol) {
                    return Instrument.of(symbol);
                }
            };
        }

        @Override
        public Optional<Set<Instrument>> listInstruments() throws IOException, InterruptedException {
            URI uri = URI.create(base() + "instruments");
            Set<Instrument> listed = new HashSet<>();
            for (String symbol : RestCalls.get(context.httpClient(), uri).split(",")) {
                if (!symbol.isBlank()) {
                    listed.add(Instrument.of(symbol.trim()));
                }
            }
            return Optional.of(listed);
        }
    }
}
