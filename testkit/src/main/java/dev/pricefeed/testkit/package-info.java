/** The exchange emulator and the connector contract test kit. */
package dev.pricefeed.testkit;
