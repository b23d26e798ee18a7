package dev.pricefeed.runtime;

import dev.pricefeed.Channel;
import dev.pricefeed.Instrument;
import dev.pricefeed.spi.Subscription;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.ToIntFunction;

/**
 * Which subscriptions go on which connection: a pure function of the feed's channels and instruments and the
 * connector's routes, weights and limit. Private channels come first; subscriptions are grouped by route (a route is
 * one kind of endpoint) and each group is cut into connections whose summed weight stays within the limit.
 */
final class ShardPlan {

    /**
     * One connection's share.
     *
     * @param route the connector's route of every subscription here
     * @param subscriptions what the connection subscribes to, in order
     * @param index the connection's number in the feed, from 1
     */
    record Shard(String route, List<Subscription> subscriptions, int index) {
        Shard {
            subscriptions = List.copyOf(subscriptions);
        }
    }

    private ShardPlan() {
    }

    /**
     * Plans the connections.
     *
     * @param channels the feed's channels
     * @param instruments the feed's instruments, in order
     * @param route the route of a subscription
     * @param weight the weight of a subscription (at least 1 is counted)
     * @param maxWeightPerConnection the connector's limit per connection
     */
    static List<Shard> plan(Collection<Channel> channels, List<Instrument> instruments,
            Function<Subscription, String> route, ToIntFunction<Subscription> weight, int maxWeightPerConnection) {
        Map<String, List<Subscription>> byRoute = new LinkedHashMap<>();
        for (Channel channel : channels) {
            if (channel.isPrivate()) {
                Subscription sub = new Subscription(channel, null);
                byRoute.computeIfAbsent(route.apply(sub), k -> new ArrayList<>()).add(sub);
            }
        }
        for (Instrument instrument : instruments) {
            for (Channel channel : channels) {
                if (!channel.isPrivate()) {
                    Subscription sub = new Subscription(channel, instrument);
                    byRoute.computeIfAbsent(route.apply(sub), k -> new ArrayList<>()).add(sub);
                }
            }
        }
        List<Shard> shards = new ArrayList<>();
        for (Map.Entry<String, List<Subscription>> group : byRoute.entrySet()) {
            List<Subscription> shard = new ArrayList<>();
            int used = 0;
            for (Subscription sub : group.getValue()) {
                int w = Math.max(1, weight.applyAsInt(sub));
                if (!shard.isEmpty() && used + w > maxWeightPerConnection) {
                    shards.add(new Shard(group.getKey(), shard, shards.size() + 1));
                    shard = new ArrayList<>();
                    used = 0;
                }
                shard.add(sub);
                used += w;
            }
            if (!shard.isEmpty()) {
                shards.add(new Shard(group.getKey(), shard, shards.size() + 1));
            }
        }
        return List.copyOf(shards);
    }
}
