/** pricefeed Micrometer binding, built on the public API. */
package dev.pricefeed.micrometer;
