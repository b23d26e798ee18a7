package dev.pricefeed.analytics;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Taker fees per exchange, as fractions of the traded value ({@code 0.001} is 0.1 %). The defaults are each
 * exchange's lowest-volume spot taker fee from its public fee schedule (see the README's analytics section for the
 * sources); anyone with a volume discount sets their own with {@link #with}.
 */
public final class FeeSchedule {

    private static final Map<String, BigDecimal> DEFAULTS = Map.of(
            "kraken", new BigDecimal("0.0026"),
            "binance", new BigDecimal("0.001"),
            "kucoin", new BigDecimal("0.001"),
            "coinbase", new BigDecimal("0.006"));

    private final Map<String, BigDecimal> takerFees;

    private FeeSchedule(Map<String, BigDecimal> takerFees) {
        this.takerFees = Map.copyOf(takerFees);
    }

    /** The public lowest-tier taker fees of Kraken, Binance, KuCoin and Coinbase. */
    public static FeeSchedule defaults() {
        return new FeeSchedule(DEFAULTS);
    }

    /** No exchange has a fee until one is set. */
    public static FeeSchedule none() {
        return new FeeSchedule(Map.of());
    }

    /**
     * This schedule with one exchange's taker fee set.
     *
     * @throws IllegalArgumentException when the fee is negative or not below 1
     */
    public FeeSchedule with(String exchange, BigDecimal takerFee) {
        Objects.requireNonNull(exchange, "exchange is null");
        Objects.requireNonNull(takerFee, "takerFee is null");
        if (takerFee.signum() < 0 || takerFee.compareTo(BigDecimal.ONE) >= 0) {
            throw new IllegalArgumentException("taker fee of " + exchange + " must be a fraction from 0 up to 1 "
                    + "(0.0026 is 0.26 %), got " + takerFee.toPlainString());
        }
        Map<String, BigDecimal> fees = new HashMap<>(takerFees);
        fees.put(exchange.toLowerCase(Locale.ROOT), takerFee);
        return new FeeSchedule(fees);
    }

    /**
     * This schedule with a fee written {@code exchange=fraction}, such as {@code kraken=0.0026}.
     *
     * @throws IllegalArgumentException when the text is not of that form
     */
    public FeeSchedule with(String declaration) {
        int equals = declaration.indexOf('=');
        if (equals <= 0 || equals == declaration.length() - 1) {
            throw new IllegalArgumentException("fee '" + declaration + "' is not EXCHANGE=FRACTION, such as "
                    + "kraken=0.0026");
        }
        String exchange = declaration.substring(0, equals).trim();
        try {
            return with(exchange, new BigDecimal(declaration.substring(equals + 1).trim()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("fee '" + declaration + "' is not EXCHANGE=FRACTION, such as "
                    + "kraken=0.0026", e);
        }
    }

    /** The taker fee of an exchange, if known. */
    public Optional<BigDecimal> taker(String exchange) {
        return Optional.ofNullable(takerFees.get(exchange));
    }

    /** Every fee, by exchange. */
    public Map<String, BigDecimal> all() {
        return new TreeMap<>(takerFees);
    }

    @Override
    public String toString() {
        return "FeeSchedule" + all();
    }
}
