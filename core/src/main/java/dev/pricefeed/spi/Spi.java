package dev.pricefeed.spi;

/** The version of this SPI; providers return {@link #VERSION} from {@link ExchangeProvider#spiVersion()}. */
public final class Spi {

    /** The SPI version, {@code MAJOR.MINOR}; a compile-time constant, so it is baked into each provider. */
    public static final String VERSION = "2.0";

    /** The major version; the core loads providers with the same major version only. */
    public static final int MAJOR = 2;

    private Spi() {
    }

    /** The major part of a version string such as {@code 1.0}, or -1 when it is not of that form. */
    public static int majorOf(String version) {
        if (version == null) {
            return -1;
        }
        int dot = version.indexOf('.');
        try {
            return Integer.parseInt(dot < 0 ? version : version.substring(0, dot));
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
