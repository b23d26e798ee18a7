package dev.pricefeed.spi;

import java.io.IOException;

/** Credentials are missing or the exchange refused them; the message carries the exchange's text, never a secret. */
public class AuthenticationException extends IOException {

    private static final long serialVersionUID = 1L;

    public AuthenticationException(String message) {
        super(message);
    }
}
