/**
 * Benchmarks of pricefeed, side by side with XChange-stream: JMH parser benchmarks ({@code parse}) and loopback
 * harnesses against the test kit's emulator ({@code loopback}). Run with {@code benchmarks/run.sh}; never run by
 * {@code mvn verify}.
 */
package dev.pricefeed.benchmarks;
