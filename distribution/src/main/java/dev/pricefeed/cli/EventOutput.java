package dev.pricefeed.cli;

import dev.pricefeed.FeedEvent;
import java.util.Objects;
import java.util.function.Consumer;

/** Prints feed events as JSON lines: on standard error, or among the data on standard output with {@code --events}. */
final class EventOutput implements Consumer<FeedEvent> {

    private final LineOutput target;

    EventOutput(LineOutput target) {
        this.target = Objects.requireNonNull(target, "target is null");
    }

    @Override
    public void accept(FeedEvent event) {
        target.println(JsonLines.event(event));
    }
}
