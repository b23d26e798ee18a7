package dev.pricefeed.benchmarks.loopback;

/**
 * Numbered ticker frames as the exchange sends them, carrying the frame number and the emulator's
 * {@link System#nanoTime()} at send in decimal fields every client maps to its ticker, so each client reports them
 * without special code:
 * <ul>
 *   <li>Binance {@code btcusdt@ticker} in the combined-stream envelope: number in {@code q} (quote volume), send time
 *   in {@code v} (volume) — pricefeed {@code Tick.quoteVolume()/volume()}, XChange
 *   {@code Ticker.getQuoteVolume()/getVolume()};</li>
 *   <li>Coinbase Exchange {@code ticker} for BTC-USD: number in {@code open_24h}, send time in {@code volume_24h} —
 *   pricefeed {@code Tick.open()/volume()}, XChange {@code Ticker.getOpen()/getVolume()}; {@code sequence} rises with
 *   the number, as Coinbase's does.</li>
 * </ul>
 */
public final class TickerFrames {

    /** The Binance stream every client subscribes. */
    public static final String STREAM = "btcusdt@ticker";

    /** Where Coinbase ticker sequence numbers start: any value works as long as it rises. */
    private static final long COINBASE_SEQUENCE_BASE = 40_000_000_000L;

    private TickerFrames() {
    }

    /** One frame of the exchange ({@code binance} or {@code coinbase}); {@code sentNanos} 0 means "no send time". */
    public static String frame(String exchange, long number, long sentNanos) {
        return exchange.equals("coinbase") ? coinbase(number, sentNanos) : frame(number, sentNanos);
    }

    /** A Coinbase Exchange ticker frame. */
    static String coinbase(long number, long sentNanos) {
        StringBuilder b = new StringBuilder(420);
        b.append("{\"type\":\"ticker\",\"sequence\":").append(COINBASE_SEQUENCE_BASE + number)
                .append(",\"product_id\":\"BTC-USD\",\"price\":\"").append(100_000 + number % 1000)
                .append(".01\",\"open_24h\":\"").append(number).append("\",\"volume_24h\":\"").append(sentNanos)
                .append("\",\"low_24h\":\"99000.00\",\"high_24h\":\"101000.00\",\"volume_30d\":\"9788783.60117027\"")
                .append(",\"best_bid\":\"99999.99\",\"best_bid_size\":\"0.46688654\",\"best_ask\":\"100000.01\"")
                .append(",\"best_ask_size\":\"1.56637040\",\"side\":\"buy\",\"time\":\"2022-10-19T23:28:22.061769Z\"")
                .append(",\"trade_id\":").append(number).append(",\"last_size\":\"0.00150000\"}");
        return b.toString();
    }

    /** A Binance frame, built at send time; {@code sentNanos} 0 means "no send time" (pre-built frames). */
    public static String frame(long number, long sentNanos) {
        long eventTime = System.currentTimeMillis();
        StringBuilder b = new StringBuilder(400);
        b.append("{\"stream\":\"btcusdt@ticker\",\"data\":{\"e\":\"24hrTicker\",\"E\":").append(eventTime)
                .append(",\"s\":\"BTCUSDT\",\"p\":\"-94.99999800\",\"P\":\"-0.095\",\"w\":\"100000.12345678\"")
                .append(",\"x\":\"100094.99999800\",\"c\":\"").append(100_000 + number % 1000).append(".01000000\"")
                .append(",\"Q\":\"0.00150000\",\"b\":\"99999.99000000\",\"B\":\"1.25000000\"")
                .append(",\"a\":\"100000.01000000\",\"A\":\"0.50000000\",\"o\":\"100095.00000000\"")
                .append(",\"h\":\"101000.00000000\",\"l\":\"99000.00000000\",\"v\":\"").append(sentNanos)
                .append("\",\"q\":\"").append(number).append("\",\"O\":").append(eventTime - 86_400_000L)
                .append(",\"C\":").append(eventTime).append(",\"F\":100,\"L\":18150,\"n\":18051}}");
        return b.toString();
    }
}
