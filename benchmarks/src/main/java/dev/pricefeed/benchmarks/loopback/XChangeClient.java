package dev.pricefeed.benchmarks.loopback;

import info.bitrich.xchangestream.binance.BinanceStreamingExchange;
import info.bitrich.xchangestream.coinbasepro.CoinbaseProStreamingExchange;
import info.bitrich.xchangestream.core.ProductSubscription;
import info.bitrich.xchangestream.core.StreamingExchange;
import info.bitrich.xchangestream.core.StreamingExchangeFactory;
import io.reactivex.rxjava3.disposables.Disposable;
import java.net.URI;
import org.knowm.xchange.ExchangeSpecification;
import org.knowm.xchange.binance.BinanceAdapters;
import org.knowm.xchange.currency.CurrencyPair;

/**
 * XChange-stream 5.2.0 pointed at the emulator. Binance: the base URI comes from a subclass (5.2.0 has no setting for
 * it), remote metadata is off (no exchangeInfo call) and the symbol is registered by hand. Coinbase Pro: its
 * {@code overrideWebsocketApiUri} setting, remote metadata off.
 */
final class XChangeClient implements Client {

    /** Exchange-specific parameter carrying the emulator's base URI to {@link LocalBinance}. */
    static final String BASE_URI = "pricefeed.benchmark.ws";

    private final String exchangeId;
    private StreamingExchange exchange;
    private Disposable subscription;

    /** Binance pointed at 127.0.0.1. */
    public static final class LocalBinance extends BinanceStreamingExchange {
        @Override
        protected String getStreamingBaseUri() {
            return (String) getExchangeSpecification().getExchangeSpecificParametersItem(BASE_URI);
        }
    }

    XChangeClient(String exchangeId) {
        this.exchangeId = exchangeId;
    }

    @Override
    public String name() {
        return "xchange";
    }

    @Override
    public void start(URI websocket, URI rest, Arrivals arrivals) {
        if (exchangeId.equals("coinbase")) {
            ExchangeSpecification spec = new ExchangeSpecification(CoinbaseProStreamingExchange.class);
            spec.setShouldLoadRemoteMetaData(false);
            spec.setSslUri(rest.toString());
            spec.setOverrideWebsocketApiUri(websocket.toString());
            exchange = StreamingExchangeFactory.INSTANCE.createExchange(spec);
            exchange.connect(ProductSubscription.create().addTicker(CurrencyPair.BTC_USD).build()).blockingAwait();
            // see TickerFrames: the number rides in open_24h, the send time in volume_24h
            subscription = exchange.getStreamingMarketDataService().getTicker(CurrencyPair.BTC_USD)
                    .subscribe(ticker -> arrivals.arrived(ticker.getOpen().longValue(),
                            ticker.getVolume().longValue()));
            return;
        }
        BinanceAdapters.putSymbolMapping("BTCUSDT", CurrencyPair.BTC_USDT);
        ExchangeSpecification spec = new ExchangeSpecification(LocalBinance.class);
        spec.setShouldLoadRemoteMetaData(false);
        spec.setSslUri(rest.toString());
        spec.setExchangeSpecificParametersItem(BASE_URI, websocket.toString());
        exchange = StreamingExchangeFactory.INSTANCE.createExchange(spec);
        exchange.connect(ProductSubscription.create().addTicker(CurrencyPair.BTC_USDT).build()).blockingAwait();
        subscription = exchange.getStreamingMarketDataService().getTicker(CurrencyPair.BTC_USDT)
                .subscribe(ticker -> arrivals.arrived(ticker.getQuoteVolume().longValue(),
                        ticker.getVolume().longValue()));
    }

    @Override
    public void close() {
        if (subscription != null) {
            subscription.dispose();
        }
        if (exchange != null) {
            exchange.disconnect().blockingAwait();
        }
    }
}
