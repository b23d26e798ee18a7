package dev.pricefeed.exchange.kraken;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * What to do when Kraken refuses the WebSocket token of a private subscription ({@code ESession:Invalid session}: the
 * token expired before it was used, or was revoked): reconnect once with a fresh token from
 * {@code GetWebSocketsToken}; a fresh token refused as well means something else is wrong, so that refusal is
 * reported and not retried. Shared by the connections of one connector; thread-safe.
 */
final class KrakenTokenRenewals {

    /** What a connection does about its refused token. */
    enum Verdict {
        /** Reconnect: the next connection fetches a fresh token. */
        RENEW,
        /** This connection already asked for a reconnect (another private channel refused the same token). */
        RENEWING,
        /** A fresh token was refused too: report the subscription failed. */
        GIVE_UP
    }

    /** Renewals in a row without an accepted private subscription before giving up. */
    static final int MAX_RENEWALS = 1;

    private final AtomicInteger refusedInARow = new AtomicInteger();

    /** A token was refused on a connection for the first time; decides whether to renew it. */
    Verdict refused() {
        return refusedInARow.incrementAndGet() <= MAX_RENEWALS ? Verdict.RENEW : Verdict.GIVE_UP;
    }

    /** A private subscription was accepted: the token works, so a later refusal may be renewed again. */
    void accepted() {
        refusedInARow.set(0);
    }
}
