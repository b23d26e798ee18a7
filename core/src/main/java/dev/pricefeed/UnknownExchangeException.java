package dev.pricefeed;

/** No plugin provides the exchange asked for; the message lists what is available and the artifact to add. */
public class UnknownExchangeException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public UnknownExchangeException(String message) {
        super(message);
    }
}
