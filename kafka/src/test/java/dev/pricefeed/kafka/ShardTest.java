package dev.pricefeed.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pricefeed.Instrument;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ShardTest {

    @Test
    void theHashIsTheCrc32OfTheUtf8KeyTheSameInAnyJvmOrLanguage() {
        // the values zlib.crc32(b"kraken:BTC/USD") and zlib.crc32(b"binance:BTC/USDT") give, for one
        assertThat(new MarketDataKey("kraken", Instrument.of("BTC/USD")).stableHash()).isEqualTo(2521774949L);
        assertThat(new MarketDataKey("binance", Instrument.of("BTC/USDT")).stableHash()).isEqualTo(1794382510L);
    }

    @Test
    void nShardsCoverEveryInstrumentExactlyOnce() {
        List<String[]> keys = new ArrayList<>();
        for (String exchange : List.of("kraken", "binance", "kucoin", "coinbase")) {
            for (String base : List.of("BTC", "ETH", "SOL", "DOGE", "XRP", "ADA", "LTC", "DOT")) {
                for (String quote : List.of("USD", "USDT", "EUR")) {
                    keys.add(new String[] {exchange, base + "/" + quote});
                }
            }
        }
        for (int n = 1; n <= 7; n++) {
            int[] perShard = new int[n];
            for (String[] key : keys) {
                int taking = 0;
                for (int i = 1; i <= n; i++) {
                    if (new Shard(i, n).takes(key[0], Instrument.of(key[1]))) {
                        taking++;
                        perShard[i - 1]++;
                    }
                }
                assertThat(taking).as("shards of %d taking %s:%s", n, key[0], key[1]).isEqualTo(1);
            }
            for (int count : perShard) {
                assertThat(count).as("a share of %d shards", n).isPositive();
            }
        }
    }

    @Test
    void shardsAreWrittenIOverNFromOne() {
        assertThat(Shard.parse("2/3")).isEqualTo(new Shard(2, 3));
        assertThat(Shard.parse(" 1 / 1 ")).isEqualTo(Shard.ALL);
        for (String bad : List.of("0/3", "4/3", "3", "a/b", "/3", "1/0")) {
            assertThatThrownBy(() -> Shard.parse(bad)).as(bad).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("is not i/n with 1 <= i <= n");
        }
    }
}
