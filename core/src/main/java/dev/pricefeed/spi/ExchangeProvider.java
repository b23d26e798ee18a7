package dev.pricefeed.spi;

import java.util.List;
import java.util.Set;

/**
 * The {@link java.util.ServiceLoader} entry point of an exchange plugin: a short class with a public no-argument
 * constructor, listed in {@code META-INF/services/dev.pricefeed.spi.ExchangeProvider}.
 */
public interface ExchangeProvider {

    /** The exchange id users write, lower case, such as {@code kraken}. */
    String id();

    /** The plugin's own version, such as {@code 0.1.0}. */
    String version();

    /** The SPI version the plugin was built against: implement as {@code return Spi.VERSION;}. */
    String spiVersion();

    /** What the connector supports. */
    Set<Capability> capabilities();

    /** The Maven coordinates users add to get this plugin, used in error messages. */
    default String artifact() {
        return "dev.pricefeed:pricefeed-exchange-" + id();
    }

    /**
     * The options the plugin reads ({@code <exchange>.<key>} in the configuration). The core checks every configured
     * option against them, with its own settings, before {@link #create} is called: an unknown key or a bad value is
     * reported with every other problem. The default declares none.
     */
    default List<OptionSpec> options() {
        return List.of();
    }

    /** Creates a connector for one feed; called once per feed, never on a socket thread. */
    ExchangeConnector create(ExchangeContext context);
}
