/** pricefeed Kafka publisher and consumer, built on the public API. */
package dev.pricefeed.kafka;
