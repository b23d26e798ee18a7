/**
 * Internal: how {@link dev.pricefeed.PluginRegistry} finds, isolates and selects exchange plugins. Not an API; it may
 * change in any release.
 */
package dev.pricefeed.runtime.plugins;
