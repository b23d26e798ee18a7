/** Kraken Spot WebSocket v2 and REST in emulator mode, for tests. */
package dev.pricefeed.testkit.kraken;
