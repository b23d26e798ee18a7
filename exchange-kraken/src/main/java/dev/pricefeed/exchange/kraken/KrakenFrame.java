package dev.pricefeed.exchange.kraken;

/** The top-level fields of one Kraken frame object, gathered before the frame is acted on; one per frame. */
final class KrakenFrame {

    /** v2 {@code channel}. */
    String channel;
    /** v2 {@code type}: {@code snapshot} or {@code update}. */
    String type;
    /** v2 {@code method}: {@code subscribe}, {@code pong}, ... */
    String method;
    /** v2 {@code success} of a method answer, or {@code null}. */
    Boolean success;
    /** {@code error} (v2) or {@code Error} (rate notices), as text. */
    String error;
    /** Top-level {@code symbol} of a failed subscribe. */
    String symbol;
    /** v2 {@code req_id}, or {@code null}. */
    Long requestId;
    /** Whether a {@code sequence} was present, and its value. */
    boolean hasSequence;
    long sequence;
    /** {@code result.channel} and {@code result.symbol} of a subscribe answer. */
    String resultChannel;
    String resultSymbol;
    /** {@code data[0].system} of a status frame. */
    String system;
    /** A {@code data} array that must be read in a second pass, once the whole header is known. */
    boolean dataDeferred;
    /** v1 {@code event}, {@code status}, {@code pair}, {@code channelName}, {@code errorMessage}, subscription name. */
    String event;
    String status;
    String pair;
    String channelName;
    String errorMessage;
    String subscriptionName;

    /** Whether this is a snapshot frame. */
    boolean snapshot() {
        return "snapshot".equals(type);
    }
}
