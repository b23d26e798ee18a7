/**
 * An example third-party exchange plugin for pricefeed: Bitstamp's public WebSocket API v2 (live trades and the top of
 * the order book) with its REST ticker as fallback. Built outside pricefeed against {@code pricefeed-core} only.
 */
package com.example.pricefeed.bitstamp;
