package dev.pricefeed.benchmarks.loopback;

/**
 * Numbered Binance {@code btcusdt@ticker} frames in the combined-stream envelope, as Binance sends them. The frame
 * number rides in {@code q} (quote volume) and the emulator's {@link System#nanoTime()} at send in {@code v}
 * (volume): both are decimals every client maps to its ticker (pricefeed {@code Tick.quoteVolume()/volume()},
 * XChange {@code Ticker.getQuoteVolume()/getVolume()}), so each client reports them without special code.
 */
public final class TickerFrames {

    /** The stream both clients subscribe. */
    public static final String STREAM = "btcusdt@ticker";

    private TickerFrames() {
    }

    /** One frame, built at send time; {@code sentNanos} 0 means "no send time" (pre-built frames). */
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
