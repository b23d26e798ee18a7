package dev.pricefeed.cli;

/** A mistake in what the user asked for, found after parsing; reported in one line with exit code 2. */
final class UsageError extends RuntimeException {

    private static final long serialVersionUID = 1L;

    UsageError(String message) {
        super(message);
    }
}
