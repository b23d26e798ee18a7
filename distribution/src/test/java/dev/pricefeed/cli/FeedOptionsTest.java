package dev.pricefeed.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pricefeed.Channel;
import dev.pricefeed.PriceFeed;
import dev.pricefeed.config.ConfigSources;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class FeedOptionsTest {

    @Test
    void aBareUriBelongsToTheOnlyExchange() {
        FeedOptions options = new FeedOptions();
        options.endpoints = List.of("ws://127.0.0.1:9001/v2");
        options.restEndpoints = List.of("http://127.0.0.1:9001");

        Map<String, String> settings = overrides(options, Set.of("kraken"), "kraken");

        assertThat(settings).containsEntry("kraken.endpoint.websocket", "ws://127.0.0.1:9001/v2")
                .containsEntry("kraken.endpoint.rest", "http://127.0.0.1:9001");
    }

    @Test
    void withSeveralExchangesEachUriNamesItsExchange() {
        FeedOptions options = new FeedOptions();
        options.endpoints = List.of("binance=ws://127.0.0.1:9002/stream");
        Set<String> exchanges = new LinkedHashSet<>(List.of("kraken", "binance"));

        assertThat(overrides(options, exchanges, "binance"))
                .containsEntry("binance.endpoint.websocket", "ws://127.0.0.1:9002/stream");
        assertThat(overrides(options, exchanges, "kraken")).doesNotContainKey("kraken.endpoint.websocket");

        options.endpoints = List.of("ws://127.0.0.1:9002/stream");
        assertThatThrownBy(() -> options.endpointSettings(exchanges))
                .isInstanceOf(UsageError.class)
                .hasMessageContaining("ambiguous").hasMessageContaining("kraken=ws://127.0.0.1:9002/stream");
    }

    @Test
    void badUrisPrivateChannelsAndOtherExchangesAreUsageErrors() {
        FeedOptions options = new FeedOptions();
        options.endpoints = List.of("not a uri");
        assertThatThrownBy(() -> options.endpointSettings(Set.of("kraken"))).isInstanceOf(UsageError.class)
                .hasMessageContaining("--endpoint 'not a uri' is not a URI");

        options.endpoints = List.of("coinbase=ws://127.0.0.1:1/");
        assertThatThrownBy(() -> options.endpointSettings(Set.of("kraken"))).isInstanceOf(UsageError.class)
                .hasMessageContaining("names coinbase");

        options.endpoints = List.of();
        options.channels = List.of(Channel.BALANCES);
        assertThatThrownBy(() -> options.endpointSettings(Set.of("kraken"))).isInstanceOf(UsageError.class)
                .hasMessageContaining("balances is private");
    }

    @Test
    void tickerIsTheDefaultChannel() {
        FeedOptions options = new FeedOptions();
        assertThat(options.channels()).containsExactly(Channel.TICKER);
        options.channels = List.of(Channel.TRADES, Channel.TICKER);
        assertThat(options.channels()).containsExactly(Channel.TICKER, Channel.TRADES);
    }

    /** Applies the settings of one exchange to a builder and reads back the overrides it set. */
    private static Map<String, String> overrides(FeedOptions options, Set<String> exchanges, String exchange) {
        Map<String, Consumer<PriceFeed.Builder>> settings = options.endpointSettings(exchanges);
        PriceFeed.Builder builder = PriceFeed.builder().exchange(exchange);
        settings.get(exchange).accept(builder);
        ConfigSources sources = builder.sources();
        return sources.withPrefix("");
    }
}
