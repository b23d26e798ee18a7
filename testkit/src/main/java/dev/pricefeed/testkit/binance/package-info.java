/** The Binance Spot emulator mode: market streams (combined and raw), SUBSCRIBE replies, pings, lifetime, REST. */
package dev.pricefeed.testkit.binance;
