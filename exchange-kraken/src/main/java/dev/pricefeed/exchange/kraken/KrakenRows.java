package dev.pricefeed.exchange.kraken;

import dev.pricefeed.Instrument;
import dev.pricefeed.Side;
import dev.pricefeed.Tick;
import dev.pricefeed.Trade;
import dev.pricefeed.spi.ParseSink;
import dev.pricefeed.spi.support.FrameReader;
import dev.pricefeed.spi.support.JsonFrames;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParser.Event;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Reads the {@code data} array of Kraken v2 ticker, trade, status, balances and executions frames. */
final class KrakenRows {

    private final KrakenConnectionState state;
    /** The reader of the frame being parsed: {@link #read} is only ever given its parser. */
    private final FrameReader reader;

    KrakenRows(KrakenConnectionState state, FrameReader reader) {
        this.state = state;
        this.reader = reader;
    }

    /** Whether the data of a channel is read here. */
    static boolean reads(String channel) {
        if (channel == null) {
            return false;
        }
        switch (channel) {
            case "ticker":
            case "trade":
            case "status":
            case "balances":
            case "executions":
                return true;
            default:
                return false;
        }
    }

    /** Reads the data array; the parser stands on its {@code START_ARRAY}. */
    void read(JsonParser parser, KrakenFrame f, ParseSink sink) {
        switch (f.channel) {
            case "ticker":
                eachObject(parser, () -> ticker(parser, sink));
                break;
            case "trade":
                trades(parser, sink);
                break;
            case "status":
                eachObject(parser, () -> status(parser, f));
                break;
            case "balances":
                if (f.snapshot()) {
                    eachObject(parser, () -> sink.account(balance(parser, f.sequence, sink.receivedAt())));
                } else {
                    eachObject(parser, () -> sink.account(balanceChange(parser, f.sequence, sink.receivedAt())));
                }
                break;
            case "executions":
                eachObject(parser, () -> sink.account(execution(parser, f, sink.receivedAt())));
                break;
            default:
                JsonFrames.skipRest(parser);
        }
    }

    private static void eachObject(JsonParser parser, Runnable reader) {
        Event event;
        while ((event = parser.next()) != Event.END_ARRAY) {
            if (event == Event.START_OBJECT) {
                reader.run();
            } else {
                JsonFrames.skip(parser, event);
            }
        }
    }

    private void ticker(JsonParser parser, ParseSink sink) {
        String symbol = null;
        BigDecimal bid = null;
        BigDecimal bidSize = null;
        BigDecimal ask = null;
        BigDecimal askSize = null;
        BigDecimal last = null;
        BigDecimal volume = null;
        BigDecimal vwap = null;
        BigDecimal low = null;
        BigDecimal high = null;
        BigDecimal change = null;
        Instant time = null;
        while (parser.next() != Event.END_OBJECT) {
            String name = reader.key();
            Event value = parser.next();
            switch (name) {
                case "symbol":
                    symbol = reader.text(value);
                    break;
                case "bid":
                    bid = reader.decimal(value);
                    break;
                case "bid_qty":
                    bidSize = reader.decimal(value);
                    break;
                case "ask":
                    ask = reader.decimal(value);
                    break;
                case "ask_qty":
                    askSize = reader.decimal(value);
                    break;
                case "last":
                    last = reader.decimal(value);
                    break;
                case "volume":
                    volume = reader.decimal(value);
                    break;
                case "vwap":
                    vwap = reader.decimal(value);
                    break;
                case "low":
                    low = reader.decimal(value);
                    break;
                case "high":
                    high = reader.decimal(value);
                    break;
                case "change":
                    change = reader.decimal(value);
                    break;
                case "timestamp":
                    time = KrakenTime.rfc3339(reader, value);
                    break;
                default:
                    JsonFrames.skip(parser, value);
            }
        }
        Instrument instrument = state.instrument(symbol);
        if (instrument == null) {
            sink.unknown("ticker without a known symbol");
            return;
        }
        // Kraken sends the 24 h change, not the open; last - change is that open, exactly.
        BigDecimal open = last != null && change != null ? last.subtract(change) : null;
        sink.tick(Tick.builder(KrakenProvider.ID, instrument)
                .bid(bid).bidSize(bidSize).ask(ask).askSize(askSize).last(last)
                .open(open).high(high).low(low).volume(volume).vwap(vwap)
                .exchangeTime(time).receivedAt(sink.receivedAt()).build());
    }

    /**
     * Trades are checked against {@code trade_id}, Kraken's per-book sequence: the snapshot sent after a reconnect
     * fills the trades missed meanwhile, and those already delivered are dropped as stale.
     */
    private void trades(JsonParser parser, ParseSink sink) {
        Event event;
        while ((event = parser.next()) != Event.END_ARRAY) {
            if (event != Event.START_OBJECT) {
                JsonFrames.skip(parser, event);
                continue;
            }
            Trade trade = trade(parser, sink);
            if (trade == null) {
                continue;
            }
            Long sequence = trade.tradeId() != null ? tradeSequence(trade.tradeId()) : null;
            if (sequence == null || sink.sequence(state.tradeStream(trade.instrument()), trade.instrument(), sequence)) {
                sink.trade(trade);
            }
        }
    }

    private static Long tradeSequence(String tradeId) {
        try {
            return Long.parseLong(tradeId);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private Trade trade(JsonParser parser, ParseSink sink) {
        String symbol = null;
        Side side = null;
        BigDecimal price = null;
        BigDecimal size = null;
        String tradeId = null;
        Instant time = null;
        while (parser.next() != Event.END_OBJECT) {
            String name = reader.key();
            Event value = parser.next();
            switch (name) {
                case "symbol":
                    symbol = reader.text(value);
                    break;
                case "side":
                    side = side(reader.text(value));
                    break;
                case "price":
                    price = reader.decimal(value);
                    break;
                case "qty":
                    size = reader.decimal(value);
                    break;
                case "trade_id":
                    tradeId = JsonFrames.text(parser, value);
                    break;
                case "timestamp":
                    time = KrakenTime.rfc3339(reader, value);
                    break;
                default:
                    JsonFrames.skip(parser, value);
            }
        }
        Instrument instrument = state.instrument(symbol);
        if (instrument == null || price == null || size == null) {
            sink.unknown("trade without a known symbol, price or qty");
            return null;
        }
        return new Trade(KrakenProvider.ID, instrument, price, size, side, tradeId, time, sink.receivedAt());
    }

    /** The side of {@code buy}/{@code sell} (v2) or {@code b}/{@code s} (v1), or {@code null}. */
    static Side side(String text) {
        if (text == null) {
            return null;
        }
        switch (text) {
            case "buy":
            case "b":
                return Side.BUY;
            case "sell":
            case "s":
                return Side.SELL;
            default:
                return null;
        }
    }

    private static void status(JsonParser parser, KrakenFrame f) {
        while (parser.next() != Event.END_OBJECT) {
            String name = parser.getString();
            Event value = parser.next();
            if (name.equals("system") && value == Event.VALUE_STRING) {
                f.system = parser.getString();
            } else {
                // connection_id is an unsigned 64-bit number: skipped, never read as a long.
                JsonFrames.skip(parser, value);
            }
        }
    }

    private static KrakenBalance balance(JsonParser parser, long sequence, Instant receivedAt) {
        String asset = null;
        String assetClass = null;
        BigDecimal balance = null;
        List<KrakenWallet> wallets = new ArrayList<>();
        while (parser.next() != Event.END_OBJECT) {
            String name = parser.getString();
            Event value = parser.next();
            switch (name) {
                case "asset":
                    asset = JsonFrames.text(parser, value);
                    break;
                case "asset_class":
                    assetClass = JsonFrames.text(parser, value);
                    break;
                case "balance":
                    balance = JsonFrames.decimal(parser, value);
                    break;
                case "wallets":
                    wallets(parser, value, wallets);
                    break;
                default:
                    JsonFrames.skip(parser, value);
            }
        }
        if (asset == null) {
            // a malformed frame, counted and skipped by the runtime (found by fuzzing: it was a NullPointerException)
            throw new IllegalArgumentException("a balances row without its asset");
        }
        return new KrakenBalance(asset, assetClass, balance, wallets, sequence, receivedAt);
    }

    private static void wallets(JsonParser parser, Event value, List<KrakenWallet> wallets) {
        if (value != Event.START_ARRAY) {
            JsonFrames.skip(parser, value);
            return;
        }
        eachObject(parser, () -> {
            String type = null;
            String id = null;
            BigDecimal balance = null;
            while (parser.next() != Event.END_OBJECT) {
                String name = parser.getString();
                Event inner = parser.next();
                switch (name) {
                    case "type":
                        type = JsonFrames.text(parser, inner);
                        break;
                    case "id":
                        id = JsonFrames.text(parser, inner);
                        break;
                    case "balance":
                        balance = JsonFrames.decimal(parser, inner);
                        break;
                    default:
                        JsonFrames.skip(parser, inner);
                }
            }
            wallets.add(new KrakenWallet(type, id, balance));
        });
    }

    private static KrakenBalanceChange balanceChange(JsonParser parser, long sequence, Instant receivedAt) {
        String ledgerId = null;
        String refId = null;
        String type = null;
        String category = null;
        String asset = null;
        String assetClass = null;
        String walletType = null;
        String walletId = null;
        BigDecimal amount = null;
        BigDecimal fee = null;
        BigDecimal balance = null;
        Instant time = null;
        while (parser.next() != Event.END_OBJECT) {
            String name = parser.getString();
            Event value = parser.next();
            switch (name) {
                case "ledger_id":
                    ledgerId = JsonFrames.text(parser, value);
                    break;
                case "ref_id":
                    refId = JsonFrames.text(parser, value);
                    break;
                case "type":
                    type = JsonFrames.text(parser, value);
                    break;
                case "category":
                    category = JsonFrames.text(parser, value);
                    break;
                case "asset":
                    asset = JsonFrames.text(parser, value);
                    break;
                case "asset_class":
                    assetClass = JsonFrames.text(parser, value);
                    break;
                case "wallet_type":
                    walletType = JsonFrames.text(parser, value);
                    break;
                case "wallet_id":
                    walletId = JsonFrames.text(parser, value);
                    break;
                case "amount":
                    amount = JsonFrames.decimal(parser, value);
                    break;
                case "fee":
                    fee = JsonFrames.decimal(parser, value);
                    break;
                case "balance":
                    balance = JsonFrames.decimal(parser, value);
                    break;
                case "timestamp":
                    time = KrakenTime.rfc3339(JsonFrames.text(parser, value));
                    break;
                default:
                    JsonFrames.skip(parser, value);
            }
        }
        if (asset == null) {
            // a malformed frame, counted and skipped by the runtime (found by fuzzing: it was a NullPointerException)
            throw new IllegalArgumentException("a balances update without its asset");
        }
        return new KrakenBalanceChange(ledgerId, refId, type, category, asset, assetClass, walletType, walletId,
                amount, fee, balance, time, sequence, receivedAt);
    }

    private KrakenExecution execution(JsonParser parser, KrakenFrame f, Instant receivedAt) {
        KrakenExecutionReader row = new KrakenExecutionReader();
        row.read(parser);
        return row.build(state.instrument(row.symbol), f.snapshot(), f.sequence, receivedAt);
    }
}
