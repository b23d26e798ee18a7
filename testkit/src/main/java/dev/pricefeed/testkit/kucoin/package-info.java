/** The KuCoin Spot emulator mode: bullet-public tokens, welcome, acks, pongs, market topics and REST. */
package dev.pricefeed.testkit.kucoin;
