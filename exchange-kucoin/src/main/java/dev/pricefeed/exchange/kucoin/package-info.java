/** The kucoin exchange plugin. */
package dev.pricefeed.exchange.kucoin;
