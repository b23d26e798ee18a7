package dev.pricefeed.exchange.coinbase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pricefeed.Channel;
import dev.pricefeed.Instrument;
import dev.pricefeed.spi.SymbolMapper;
import dev.pricefeed.spi.support.SeparatorSymbols;
import dev.pricefeed.testkit.TestExchangeContext;
import java.net.URI;
import org.junit.jupiter.api.Test;

class CoinbaseSymbolsTest {

    private final SymbolMapper symbols = new SeparatorSymbols('-');

    @Test
    void instrumentsMapToDashedProductIdsAndBack() {
        assertThat(symbols.toNative(Instrument.of("BTC/USD"))).isEqualTo("BTC-USD");
        assertThat(symbols.toNative(Instrument.of("ETH/USDT"))).isEqualTo("ETH-USDT");
        assertThat(symbols.fromNative("BTC-USD")).isEqualTo(Instrument.of("BTC/USD"));
        assertThat(symbols.fromNative("BTC-USDT")).isEqualTo(Instrument.of("BTC/USDT"));
    }

    @Test
    void productIdsThatAreNoInstrumentMapToNull() {
        assertThat(symbols.fromNative("BTCUSD")).isNull();
        assertThat(symbols.fromNative("BTC-PERP-INTX")).isNull();
        assertThat(symbols.fromNative("-USD")).isNull();
        assertThat(symbols.fromNative("btc-usd")).isNull();
        assertThat(symbols.fromNative(null)).isNull();
    }

    @Test
    void feedOptionChoosesTheFeedAndNamesTheAcceptedValuesWhenWrong() {
        assertThat(CoinbaseFeed.fromOption("exchange")).isEqualTo(CoinbaseFeed.EXCHANGE);
        assertThat(CoinbaseFeed.fromOption("advanced-trade")).isEqualTo(CoinbaseFeed.ADVANCED_TRADE);
        assertThat(new CoinbaseConnector(new TestExchangeContext("coinbase", "BTC/USD")).feed())
                .isEqualTo(CoinbaseFeed.EXCHANGE);
        assertThat(new CoinbaseConnector(new TestExchangeContext("coinbase", "BTC/USD")
                .option("feed", " Advanced-Trade ")).feed()).isEqualTo(CoinbaseFeed.ADVANCED_TRADE);
        assertThatThrownBy(() -> new CoinbaseConnector(new TestExchangeContext("coinbase", "BTC/USD")
                .option("feed", "pro")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("coinbase.feed must be exchange or advanced-trade, got 'pro'");
    }

    @Test
    void eachFeedHasItsEndpointAndChannelNames() {
        assertThat(CoinbaseFeed.EXCHANGE.defaultUri()).isEqualTo(URI.create("wss://ws-feed.exchange.coinbase.com"));
        assertThat(CoinbaseFeed.ADVANCED_TRADE.defaultUri()).isEqualTo(URI.create("wss://advanced-trade-ws.coinbase.com"));
        assertThat(CoinbaseFeed.EXCHANGE.channelName(Channel.TRADES)).isEqualTo("matches");
        assertThat(CoinbaseFeed.ADVANCED_TRADE.channelName(Channel.TRADES)).isEqualTo("market_trades");
        assertThatThrownBy(() -> CoinbaseFeed.EXCHANGE.channelName(Channel.BALANCES))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
