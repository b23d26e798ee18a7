/** The kraken exchange plugin. */
package dev.pricefeed.exchange.kraken;
