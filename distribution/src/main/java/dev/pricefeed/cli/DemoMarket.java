package dev.pricefeed.cli;

import dev.pricefeed.Instrument;
import dev.pricefeed.Side;
import dev.pricefeed.testkit.ExchangeSimulator;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Moves the prices of the demo's simulated exchanges: every beat each instrument's last price steps up or down by a
 * fixed tick (exact decimals), and each step is published as a ticker and a trade in the exchange's own wire format.
 */
final class DemoMarket implements AutoCloseable {

    /** One simulated instrument on one exchange, with its starting price and price step. */
    record Listing(ExchangeSimulator exchange, Instrument instrument, BigDecimal start, BigDecimal step) {

        Listing {
            Objects.requireNonNull(exchange, "exchange is null");
            Objects.requireNonNull(instrument, "instrument is null");
            Objects.requireNonNull(start, "start is null");
            Objects.requireNonNull(step, "step is null");
        }
    }

    private final List<Listing> listings;
    private final BigDecimal[] prices;
    // seeded, so every demo run shows the same walk; only the direction is random, never a price
    private final Random directions = new Random(20_24);
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "pricefeed-demo-market");
        thread.setDaemon(true);
        return thread;
    });
    // per listing, so each instrument's trade ids are consecutive, as exchanges number them (no false gaps)
    private final long[] tradeIds;

    DemoMarket(List<Listing> listings) {
        this.listings = List.copyOf(listings);
        this.prices = new BigDecimal[this.listings.size()];
        this.tradeIds = new long[this.listings.size()];
        for (int i = 0; i < prices.length; i++) {
            Listing listing = this.listings.get(i);
            prices[i] = listing.start();
            listing.exchange().setRestTicker(listing.instrument(), listing.start().toPlainString(),
                    listing.start().subtract(listing.step()).toPlainString(),
                    listing.start().add(listing.step()).toPlainString());
        }
    }

    /** Starts publishing every {@code periodMillis}. */
    void start(long periodMillis) {
        timer.scheduleAtFixedRate(this::beat, 0, periodMillis, TimeUnit.MILLISECONDS);
    }

    private void beat() {
        for (int i = 0; i < prices.length; i++) {
            Listing listing = listings.get(i);
            boolean up = directions.nextBoolean();
            BigDecimal last = up ? prices[i].add(listing.step()) : prices[i].subtract(listing.step());
            prices[i] = last;
            String bid = last.subtract(listing.step()).toPlainString();
            String ask = last.add(listing.step()).toPlainString();
            listing.exchange().publishTicker(listing.instrument(), last.toPlainString(), bid, ask);
            listing.exchange().setRestTicker(listing.instrument(), last.toPlainString(), bid, ask);
            tradeIds[i]++;
            listing.exchange().publishTrade(listing.instrument(), last.toPlainString(), "0.0125",
                    up ? Side.BUY : Side.SELL, Long.toString(1_000_000 + tradeIds[i]));
        }
    }

    /** The exchanges and instruments being moved. */
    List<Listing> listings() {
        return listings;
    }

    /** Stops publishing. */
    @Override
    public void close() {
        timer.shutdownNow();
    }

    /** Lists every listing of the demo's simulators, for building feeds. */
    static List<Listing> of(List<ExchangeSimulator> simulators, List<String[]> instruments) {
        List<Listing> listings = new ArrayList<>();
        for (String[] row : instruments) {
            for (ExchangeSimulator simulator : simulators) {
                if (simulator.exchangeId().equals(row[0])) {
                    listings.add(new Listing(simulator, Instrument.of(row[1]), new BigDecimal(row[2]),
                            new BigDecimal(row[3])));
                }
            }
        }
        return listings;
    }
}
