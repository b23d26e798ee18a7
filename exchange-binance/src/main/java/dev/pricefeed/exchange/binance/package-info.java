/** The binance exchange plugin. */
package dev.pricefeed.exchange.binance;
