package dev.pricefeed.cli;

import dev.pricefeed.PluginFailure;
import dev.pricefeed.PluginInfo;
import dev.pricefeed.PluginRegistry;
import dev.pricefeed.spi.Capability;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code pricefeed exchanges}: every plugin found, where it came from, and the ones that failed to load. */
@Command(name = "exchanges", mixinStandardHelpOptions = true,
        description = {"Lists the exchange plugins and the ones that failed to load.",
                "Shows each plugin found on the class path and in the plugins folder with its id, version, SPI "
                        + "version, capabilities and where it was loaded from; then each plugin that failed, "
                        + "with why."})
final class ExchangesCommand implements Callable<Integer> {

    private final CliEnvironment env;

    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    ExchangesCommand(CliEnvironment env) {
        this.env = env;
    }

    @Override
    public Integer call() {
        PluginRegistry registry = common.registry(env, common.sources(env));
        PrintWriter out = spec.commandLine().getOut();
        List<PluginInfo> plugins = registry.plugins();
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
        List<PluginFailure> failures = registry.failures();
        if (!failures.isEmpty()) {
            out.println();
            out.println("Failed to load (" + failures.size() + "):");
            for (PluginFailure failure : failures) {
                out.println("  " + failure.source() + ": " + failure.reason());
            }
        }
        out.flush();
        return plugins.isEmpty() ? Cli.FAILURE : Cli.OK;
    }

    private static String capabilities(PluginInfo plugin) {
        return plugin.capabilities().stream()
                .map(Capability::name)
                .map(name -> name.toLowerCase(Locale.ROOT).replace('_', '-'))
                .collect(Collectors.joining(","));
    }
}
