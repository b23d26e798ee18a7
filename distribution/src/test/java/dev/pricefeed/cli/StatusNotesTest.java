package dev.pricefeed.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pricefeed.FeedEvent;
import dev.pricefeed.FeedState;
import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class StatusNotesTest {

    private static final Instant NOW = Instant.parse("2026-12-07T12:00:00Z");

    private final StatusNotes notes = new StatusNotes();

    private void change(FeedState from, FeedState to, String reason) {
        notes.record(new FeedEvent.StateChanged("kraken", NOW, from, to, reason));
    }

    @Test
    @DisplayName("why a feed cannot connect stays on its line through the retries, until it streams again")
    void whyStaysUntilStreaming() {
        change(FeedState.IDLE, FeedState.CONNECTING, "connecting");
        notes.record(new FeedEvent.Error("kraken", NOW, "connect",
                "cannot connect: cannot resolve ws.kraken.com — is the network up?"));
        change(FeedState.CONNECTING, FeedState.BACKOFF, "retry 3 of 10 in 17740 ms");
        change(FeedState.BACKOFF, FeedState.CONNECTING, "connecting");

        assertThat(notes.lastChange("kraken")).isEqualTo("BACKOFF -> CONNECTING (connecting)");
        assertThat(notes.why("kraken")).isEqualTo("cannot connect: cannot resolve ws.kraken.com — is the network up?");

        change(FeedState.CONNECTING, FeedState.STREAMING, "data flowing");
        assertThat(notes.why("kraken")).isNull();
        assertThat(notes.why("binance")).isNull();
    }
}
