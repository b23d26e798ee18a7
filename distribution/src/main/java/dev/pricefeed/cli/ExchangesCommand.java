package dev.pricefeed.cli;

import dev.pricefeed.PluginFailure;
import dev.pricefeed.PluginInfo;
import dev.pricefeed.PluginRegistry;
import dev.pricefeed.spi.Capability;
import dev.pricefeed.spi.ExchangeProvider;
import dev.pricefeed.spi.OptionSpec;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code pricefeed exchanges}: every plugin found, where it came from, the ones that failed, and their options. */
@Command(name = "exchanges", mixinStandardHelpOptions = true,
        description = {"Lists the exchange plugins and the ones that failed to load.",
                "Shows each plugin found on the class path and in the plugins folder with its id, version, SPI "
                        + "version, capabilities and where it was loaded from; then each plugin that failed, "
                        + "with why. With --options, or for one EXCHANGE, also the options each plugin declares."})
final class ExchangesCommand implements Callable<Integer> {

    private final CliEnvironment env;

    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Parameters(index = "0", arity = "0..1", paramLabel = "EXCHANGE",
            description = "Show only this exchange, with its options.")
    String exchange;

    @Option(names = "--options", description = "Also list the options each plugin declares "
            + "(<exchange>.<key> in pricefeed.properties, or builder.option(key, value)).")
    boolean options;

    ExchangesCommand(CliEnvironment env) {
        this.env = env;
    }

    @Override
    public Integer call() {
        PluginRegistry registry = common.registry(env, common.sources(env));
        PrintWriter out = spec.commandLine().getOut();
        List<PluginInfo> plugins = registry.plugins();
        if (exchange != null) {
            String id = exchange.trim().toLowerCase(Locale.ROOT);
            // the registry's own error lists what is there when the id is not
            ExchangeProvider provider = registry.provider(id);
            plugins = plugins.stream().filter(plugin -> plugin.id().equals(provider.id())).toList();
        }
        if (plugins.isEmpty()) {
            out.println("No exchange plugins found"
                    + env.pluginsDirectory().map(dir -> " in " + dir).orElse("") + " or on the class path.");
        } else {
            List<String[]> rows = new ArrayList<>();
            rows.add(new String[] {"ID", "VERSION", "SPI", "CAPABILITIES", "SOURCE"});
            for (PluginInfo plugin : plugins) {
                rows.add(new String[] {plugin.id(), plugin.version(), plugin.spiVersion(),
                        capabilities(plugin), plugin.source()});
            }
            Columns.print(out, rows);
        }
        if (options || exchange != null) {
            for (PluginInfo plugin : plugins) {
                printOptions(out, plugin.id(), registry.provider(plugin.id()).options());
            }
        }
        List<PluginFailure> failures = registry.failures();
        if (!failures.isEmpty() && exchange == null) {
            out.println();
            out.println("Failed to load (" + failures.size() + "):");
            for (PluginFailure failure : failures) {
                out.println("  " + failure.source() + ": " + failure.reason());
            }
        }
        out.flush();
        return plugins.isEmpty() ? Cli.FAILURE : Cli.OK;
    }

    private static void printOptions(PrintWriter out, String id, List<OptionSpec> declared) {
        out.println();
        if (declared.isEmpty()) {
            out.println(id + " options: none");
            return;
        }
        out.println(id + " options (" + id + ".<key> in pricefeed.properties, -Dpricefeed." + id
                + ".<key>=..., or builder.option(key, value)):");
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"  KEY", "VALUES", "DEFAULT", "MEANING"});
        for (OptionSpec option : declared) {
            rows.add(new String[] {"  " + option.key(), option.accepts(),
                    option.defaultValue().isEmpty() ? "(none)" : option.defaultValue(), option.description()});
        }
        Columns.print(out, rows);
    }

    private static String capabilities(PluginInfo plugin) {
        return plugin.capabilities().stream()
                .map(Capability::name)
                .map(name -> name.toLowerCase(Locale.ROOT).replace('_', '-'))
                .collect(Collectors.joining(","));
    }
}
