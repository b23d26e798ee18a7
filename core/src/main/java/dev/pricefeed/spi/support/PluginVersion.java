package dev.pricefeed.spi.support;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** Reads a plugin's own version from a build-filtered properties resource, for {@link dev.pricefeed.spi.ExchangeProvider#version()}. */
public final class PluginVersion {

    private PluginVersion() {
    }

    /**
     * The {@code version} property of {@code resource}, looked up like {@link Class#getResourceAsStream(String)} (so
     * {@code "plugin.properties"} lies in the provider's package); fails when the resource or the property is missing.
     */
    public static String of(Class<?> providerClass, String resource) {
        requireNonNull(providerClass, "providerClass is null");
        requireNonNull(resource, "resource is null");
        try (InputStream in = providerClass.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the jar of " + providerClass.getName());
            }
            Properties properties = new Properties();
            properties.load(in);
            String version = properties.getProperty("version");
            if (version == null) {
                throw new IllegalStateException(resource + " of " + providerClass.getName() + " has no version");
            }
            return version;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource + " of " + providerClass.getName(), e);
        }
    }
}
