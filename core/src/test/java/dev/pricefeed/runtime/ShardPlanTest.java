package dev.pricefeed.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pricefeed.Channel;
import dev.pricefeed.Instrument;
import dev.pricefeed.spi.Subscription;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ShardPlanTest {

    private static final List<Instrument> FIVE = List.of(Instrument.of("BTC/USD"), Instrument.of("ETH/USD"),
            Instrument.of("SOL/USD"), Instrument.of("ADA/USD"), Instrument.of("XRP/USD"));

    private static List<String> names(ShardPlan.Shard shard) {
        return shard.subscriptions().stream()
                .map(s -> s.channel() + (s.instrument() == null ? "" : " " + s.instrument())).toList();
    }

    @Test
    @DisplayName("without a limit everything goes on one connection, instruments in order, channels within")
    void oneConnectionWithoutLimit() {
        List<ShardPlan.Shard> plan = ShardPlan.plan(List.of(Channel.TICKER, Channel.TRADES), FIVE.subList(0, 2),
                s -> "public", s -> 1, Integer.MAX_VALUE);
        assertThat(plan).hasSize(1);
        assertThat(plan.get(0).route()).isEqualTo("public");
        assertThat(plan.get(0).index()).isEqualTo(1);
        assertThat(names(plan.get(0)))
                .containsExactly("TICKER BTC/USD", "TRADES BTC/USD", "TICKER ETH/USD", "TRADES ETH/USD");
    }

    @Test
    @DisplayName("a weight limit cuts a route into connections that each stay within it, numbered from 1")
    void weightLimitSpreadsOverConnections() {
        List<ShardPlan.Shard> plan = ShardPlan.plan(List.of(Channel.TICKER), FIVE, s -> "public", s -> 1, 2);
        assertThat(plan).extracting(ShardPlan.Shard::index).containsExactly(1, 2, 3);
        assertThat(plan).extracting(shard -> shard.subscriptions().size()).containsExactly(2, 2, 1);
    }

    @Test
    @DisplayName("a subscription heavier than the limit gets a connection of its own; weights below 1 count as 1")
    void heavySubscriptionsAndZeroWeights() {
        List<ShardPlan.Shard> plan = ShardPlan.plan(List.of(Channel.TICKER), FIVE.subList(0, 3), s -> "public",
                s -> s.instrument().base().equals("ETH") ? 5 : 0, 2);
        assertThat(plan).extracting(ShardPlanTest::names).containsExactly(
                List.of("TICKER BTC/USD"), List.of("TICKER ETH/USD"), List.of("TICKER SOL/USD"));
    }

    @Test
    @DisplayName("private channels come first and routes never share a connection")
    void privateChannelsFirstAndRoutesApart() {
        List<ShardPlan.Shard> plan = ShardPlan.plan(List.of(Channel.TICKER, Channel.EXECUTIONS),
                FIVE.subList(0, 2), s -> s.channel().isPrivate() ? "private" : "public", s -> 1, 10);
        assertThat(plan).extracting(ShardPlan.Shard::route).containsExactly("private", "public");
        assertThat(plan.get(0).subscriptions()).containsExactly(new Subscription(Channel.EXECUTIONS, null));
        assertThat(names(plan.get(1))).containsExactly("TICKER BTC/USD", "TICKER ETH/USD");
    }

    @Test
    @DisplayName("no channels or no instruments plan no connection")
    void nothingToPlan() {
        assertThat(ShardPlan.plan(List.of(Channel.TICKER), List.of(), s -> "public", s -> 1, 5)).isEmpty();
    }
}
