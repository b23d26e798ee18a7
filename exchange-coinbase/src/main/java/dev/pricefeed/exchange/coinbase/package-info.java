/** The coinbase exchange plugin. */
package dev.pricefeed.exchange.coinbase;
