/** pricefeed analytics (candles, history, indicators, cross-exchange view), built on the public API. */
package dev.pricefeed.analytics;
