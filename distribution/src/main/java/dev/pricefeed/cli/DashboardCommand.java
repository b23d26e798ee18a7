package dev.pricefeed.cli;

import picocli.CommandLine.Command;

/** {@code pricefeed dashboard}: {@code watch} with the dashboard page served, on 127.0.0.1:8080 unless told. */
@Command(name = "dashboard", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Watches like 'watch' and serves a live dashboard page, /metrics (Prometheus), /health, "
                + "/api/state and /events.",
                "The page is on http://127.0.0.1:8080/ unless --http says otherwise; it needs no internet."},
        footer = {"", "Examples:",
                "  pricefeed dashboard kraken BTC/USD ETH/USD binance BTC/USDT",
                "  pricefeed dashboard kraken:BTC/USD --http 9090",
                "  pricefeed dashboard kraken:BTC/USD --http 0.0.0.0:8080   # reachable from other machines"})
final class DashboardCommand extends WatchCommand {

    /** The address when {@code --http} is not given. */
    static final HttpAddress DEFAULT_ADDRESS = new HttpAddress(HttpAddress.DEFAULT_HOST, 8080);

    DashboardCommand(CliEnvironment env) {
        super(env);
    }

    @Override
    HttpAddress httpAddress() {
        return http != null ? http : DEFAULT_ADDRESS;
    }
}
