package dev.pricefeed.cli;

import dev.pricefeed.spi.Spi;
import picocli.CommandLine;

/** The version line of {@code pricefeed --version}: the tool's version from its jar and the SPI version. */
final class VersionProvider implements CommandLine.IVersionProvider {

    @Override
    public String[] getVersion() {
        String version = VersionProvider.class.getPackage().getImplementationVersion();
        return new String[] {"pricefeed " + (version == null ? "(development build)" : version)
                + ", plugin SPI " + Spi.VERSION + ", Java " + Runtime.version()};
    }
}
