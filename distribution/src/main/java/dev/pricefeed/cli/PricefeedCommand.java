package dev.pricefeed.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The top of the command line: lists the commands when none is given. */
@Command(name = "pricefeed", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Streams exact crypto market data from exchange plugins over WebSocket.",
        subcommands = {ExchangesCommand.class, WatchCommand.class, RecordCommand.class, ReplayCommand.class,
                DemoCommand.class, DashboardCommand.class, PublishCommand.class, CandlesCommand.class,
                ArbitrageCommand.class},
        footer = {"", "Exit codes: 0 done, 1 runtime failure, 2 usage or configuration error.",
                "Run 'pricefeed demo' to see it work without network."})
final class PricefeedCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return Cli.USAGE;
    }
}
