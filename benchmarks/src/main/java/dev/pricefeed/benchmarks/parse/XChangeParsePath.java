package dev.pricefeed.benchmarks.parse;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import info.bitrich.xchangestream.binance.BinanceStreamingAdapters;
import info.bitrich.xchangestream.binance.dto.BinanceWebsocketTransaction;
import info.bitrich.xchangestream.binance.dto.BookTickerBinanceWebSocketTransaction;
import info.bitrich.xchangestream.binance.dto.TickerBinanceWebsocketTransaction;
import info.bitrich.xchangestream.binance.dto.TradeBinanceWebsocketTransaction;
import info.bitrich.xchangestream.coinbasepro.dto.CoinbaseProWebSocketTransaction;
import info.bitrich.xchangestream.kraken.KrakenStreamingAdapters;
import info.bitrich.xchangestream.service.netty.StreamingObjectMapperHelper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.function.Consumer;
import org.knowm.xchange.binance.BinanceAdapters;
import org.knowm.xchange.coinbasepro.CoinbaseProAdapters;
import org.knowm.xchange.coinbasepro.dto.marketdata.CoinbaseProTrade;
import org.knowm.xchange.currency.CurrencyPair;
import org.knowm.xchange.dto.marketdata.Trade;
import org.knowm.xchange.instrument.Instrument;

/**
 * XChange-stream 5.2.0's path from a text frame to its {@code Ticker} or {@code Trade}, step by step as its streaming
 * services run it on the Netty thread ({@code JsonNettyStreamingService.messageHandler}: {@code readTree}; the
 * channel name from the tree; then the market-data service's {@code map}/{@code filter} steps: Jackson mapping of the
 * tree to its DTOs and the adapter to XChange's {@code Ticker}/{@code Trade}). Only the RxJava plumbing between the
 * steps is left out, which flatters XChange slightly.
 */
final class XChangeParsePath {

    private static final ObjectMapper MAPPER = StreamingObjectMapperHelper.getObjectMapper();
    private static final JavaType BINANCE_TICKER = MAPPER.getTypeFactory().constructType(
            new TypeReference<BinanceWebsocketTransaction<TickerBinanceWebsocketTransaction>>() { });
    private static final JavaType BINANCE_BOOK_TICKER = MAPPER.getTypeFactory().constructType(
            new TypeReference<BinanceWebsocketTransaction<BookTickerBinanceWebSocketTransaction>>() { });
    private static final JavaType BINANCE_TRADE = MAPPER.getTypeFactory().constructType(
            new TypeReference<BinanceWebsocketTransaction<TradeBinanceWebsocketTransaction>>() { });

    static {
        // what XChange's exchangeInfo would register; the benchmark loads no remote metadata
        BinanceAdapters.putSymbolMapping("BNBBTC", new CurrencyPair("BNB", "BTC"));
        BinanceAdapters.putSymbolMapping("NKNUSDT", new CurrencyPair("NKN", "USDT"));
        BinanceAdapters.putSymbolMapping("BTCUSDT", new CurrencyPair("BTC", "USDT"));
    }

    private XChangeParsePath() {
    }

    /** The path for one of the frames this benchmark compares ({@code binance/ticker}, ...). */
    static Path forFrame(String frame) {
        return switch (frame) {
            case "binance/ticker" -> XChangeParsePath::binanceTicker;
            case "binance/bbo" -> XChangeParsePath::binanceBookTicker;
            case "binance/trade" -> XChangeParsePath::binanceTrade;
            case "coinbase/ticker" -> XChangeParsePath::coinbaseTicker;
            case "coinbase/trade" -> XChangeParsePath::coinbaseMatch;
            case "kraken/v1-ticker" -> XChangeParsePath::krakenTicker;
            case "kraken/v1-trade" -> XChangeParsePath::krakenTrades;
            default -> throw new IllegalArgumentException("no XChange path for " + frame);
        };
    }

    /** Reads one frame and hands what XChange's listener would get to the consumer; returns how many it handed. */
    @FunctionalInterface
    interface Path {
        int parse(String frame, Consumer<Object> out);
    }

    private static JsonNode tree(String frame) {
        try {
            return MAPPER.readTree(frame);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static <T> BinanceWebsocketTransaction<T> binance(JsonNode node, JavaType type) {
        try {
            return MAPPER.readValue(MAPPER.treeAsTokens(node), type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final Instrument BNB_BTC = new CurrencyPair("BNB", "BTC");
    private static final Instrument NKN_USDT = new CurrencyPair("NKN", "USDT");

    private static int binanceTicker(String frame, Consumer<Object> out) {
        JsonNode node = tree(frame);
        out.accept(node.get("stream").asText());
        BinanceWebsocketTransaction<TickerBinanceWebsocketTransaction> t = binance(node, BINANCE_TICKER);
        if (!BinanceAdapters.adaptSymbol(t.getData().getSymbol(), false).equals(BNB_BTC)) {
            return 0;
        }
        out.accept(BinanceAdapters.toTicker(t.getData().getTicker(), false));
        return 1;
    }

    private static int binanceBookTicker(String frame, Consumer<Object> out) {
        JsonNode node = tree(frame);
        out.accept(node.get("stream").asText());
        BinanceWebsocketTransaction<BookTickerBinanceWebSocketTransaction> t = binance(node, BINANCE_BOOK_TICKER);
        if (!BinanceAdapters.adaptSymbol(t.getData().getTicker().getSymbol(), false).equals(NKN_USDT)) {
            return 0;
        }
        out.accept(t.getData().getTicker().toTicker(false));
        return 1;
    }

    private static int binanceTrade(String frame, Consumer<Object> out) {
        JsonNode node = tree(frame);
        out.accept(node.get("stream").asText());
        BinanceWebsocketTransaction<TradeBinanceWebsocketTransaction> t = binance(node, BINANCE_TRADE);
        if (!BinanceAdapters.adaptSymbol(t.getData().getSymbol(), false).equals(BNB_BTC)) {
            return 0;
        }
        out.accept(BinanceStreamingAdapters.adaptRawTrade(t.getData().getRawTrade(), BNB_BTC));
        return 1;
    }

    private static final CurrencyPair ETH_USD = new CurrencyPair("ETH", "USD");
    private static final CurrencyPair BTC_USD = new CurrencyPair("BTC", "USD");

    private static CoinbaseProWebSocketTransaction coinbase(String frame, String productId) {
        JsonNode node = tree(frame);
        try {
            CoinbaseProWebSocketTransaction t = MAPPER.treeToValue(node, CoinbaseProWebSocketTransaction.class);
            return productId.equals(t.getProductId()) && t.getType() != null && !t.getType().isEmpty() ? t : null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int coinbaseTicker(String frame, Consumer<Object> out) {
        CoinbaseProWebSocketTransaction t = coinbase(frame, "ETH-USD");
        if (t == null || !"ticker".equals(t.getType())) {
            return 0;
        }
        out.accept(CoinbaseProAdapters.adaptTicker(t.toCoinbaseProProductTicker(), t.toCoinbaseProProductStats(),
                ETH_USD));
        return 1;
    }

    private static int coinbaseMatch(String frame, Consumer<Object> out) {
        CoinbaseProWebSocketTransaction t = coinbase(frame, "BTC-USD");
        if (t == null || !"match".equals(t.getType()) || t.getUserId() != null) {
            return 0;
        }
        CoinbaseProTrade trade = t.toCoinbaseProTrade();
        out.accept(CoinbaseProAdapters.adaptTrades(new CoinbaseProTrade[] {trade}, BTC_USD).getTrades().get(0));
        return 1;
    }

    private static final CurrencyPair WAVES_EUR = new CurrencyPair("WAVES", "EUR");
    private static final CurrencyPair XMR_USD = new CurrencyPair("XMR", "USD");

    /** Kraken v1 names the channel by its numeric id, which XChange looks up in a map. */
    private static String krakenChannel(JsonNode node) {
        return node.get(0).isInt() ? String.valueOf(node.get(0).asInt()) : node.get(1).asText();
    }

    private static int krakenTicker(String frame, Consumer<Object> out) {
        JsonNode node = tree(frame);
        out.accept(krakenChannel(node));
        if (!(node instanceof ArrayNode array) || array.size() < 3) {
            return 0;
        }
        out.accept(KrakenStreamingAdapters.adaptTickerMessage(WAVES_EUR, array));
        return 1;
    }

    private static int krakenTrades(String frame, Consumer<Object> out) {
        JsonNode node = tree(frame);
        out.accept(krakenChannel(node));
        if (!(node instanceof ArrayNode array) || array.size() < 3) {
            return 0;
        }
        List<Trade> trades = KrakenStreamingAdapters.adaptTrades(XMR_USD, array);
        trades.forEach(out);
        return trades.size();
    }
}
