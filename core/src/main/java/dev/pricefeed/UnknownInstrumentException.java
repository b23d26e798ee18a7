package dev.pricefeed;

/** The exchange does not list some requested instruments; the message names each one and suggests close matches. */
public class UnknownInstrumentException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public UnknownInstrumentException(String message) {
        super(message);
    }
}
