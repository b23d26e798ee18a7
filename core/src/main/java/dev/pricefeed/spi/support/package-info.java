/**
 * Helpers a plugin may use to implement the SPI (JSON reading, exact decimals from wire text, REST calls, symbol
 * mapping, its own version); not part of the contract in {@link dev.pricefeed.spi}.
 */
package dev.pricefeed.spi.support;
