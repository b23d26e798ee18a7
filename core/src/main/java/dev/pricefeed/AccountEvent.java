package dev.pricefeed;

import java.time.Instant;

/** An event from an exchange's private channels (executions, balances); each connector defines typed records. */
public interface AccountEvent {

    /** The exchange id. */
    String exchange();

    /** The channel the event came on. */
    Channel channel();

    /** Time this process received the frame. */
    Instant receivedAt();
}
