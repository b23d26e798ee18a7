package dev.pricefeed.exchange.binance;

import dev.pricefeed.Instrument;
import dev.pricefeed.spi.SymbolMapper;
import java.util.Collection;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Maps {@code BTC/USDT} to {@code BTCUSDT} (payloads, REST) and {@code btcusdt} (stream names) and back. Binance
 * symbols carry no separator, so the way back only knows the instruments the feed asked for and, once fetched, the
 * {@code exchangeInfo} catalog; USD and USDT stay different currencies. Thread-safe: the socket thread reads while the
 * catalog may be installed from another thread.
 */
public final class BinanceSymbols implements SymbolMapper {

    /** A Binance symbol with its instrument and the stream names the parser reports sequences under. */
    record Entry(Instrument instrument, String symbol, String tradeStream, String aggTradeStream) {

        static Entry of(Instrument instrument) {
            String symbol = instrument.base() + instrument.quote();
            String lower = symbol.toLowerCase(Locale.ROOT);
            return new Entry(instrument, symbol, lower + "@trade", lower + "@aggTrade");
        }
    }

    private final Map<String, Entry> requested;
    private volatile Map<String, Entry> catalog = Map.of();

    /** A mapper that knows the instruments a feed asked for. */
    public BinanceSymbols(Collection<Instrument> instruments) {
        Objects.requireNonNull(instruments, "instruments is null");
        Map<String, Entry> entries = new HashMap<>();
        for (Instrument instrument : instruments) {
            Entry entry = Entry.of(instrument);
            entries.put(entry.symbol(), entry);
        }
        this.requested = Map.copyOf(entries);
    }

    @Override
    public String toNative(Instrument instrument) {
        Objects.requireNonNull(instrument, "instrument is null");
        return instrument.base() + instrument.quote();
    }

    /** The lower-case symbol used in stream names, such as {@code btcusdt}. */
    public String streamSymbol(Instrument instrument) {
        return toNative(instrument).toLowerCase(Locale.ROOT);
    }

    @Override
    public Instrument fromNative(String symbol) {
        Entry entry = entry(symbol);
        return entry == null ? null : entry.instrument();
    }

    /** The entry of a payload symbol ({@code BTCUSDT}), or {@code null} when neither the feed nor the catalog knows it. */
    Entry entry(String symbol) {
        if (symbol == null) {
            return null;
        }
        Entry entry = requested.get(symbol);
        return entry != null ? entry : catalog.get(symbol);
    }

    /** Installs the exchange's catalog (symbol to instrument), replacing any earlier one. */
    void installCatalog(Map<String, Instrument> symbols) {
        Map<String, Entry> entries = new HashMap<>();
        symbols.forEach((symbol, instrument) -> entries.put(symbol, new Entry(instrument, symbol,
                symbol.toLowerCase(Locale.ROOT) + "@trade", symbol.toLowerCase(Locale.ROOT) + "@aggTrade")));
        this.catalog = Map.copyOf(entries);
    }
}
