package dev.pricefeed;

/** Several plugins provide one exchange id and no pin says which to use; the message names each and how to pin. */
public class PluginConflictException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    public PluginConflictException(String message) {
        super(message);
    }
}
