package dev.pricefeed.testkit.coinbase;

import java.time.Duration;

/**
 * When one connection first subscribed, measured from its opening.
 *
 * @param connection the connection's 1-based accept number on the emulator
 * @param subscribedAfter time from open to the first subscribe message, or {@code null} when none came
 * @param closedForMissingSubscribe whether the simulator closed it because no subscribe came within the deadline
 */
public record SubscribeTiming(int connection, Duration subscribedAfter, boolean closedForMissingSubscribe) {
}
