package dev.pricefeed.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The built distribution's layout and {@code bin/pricefeed exchanges}. */
class ExchangesIT {

    @TempDir
    Path work;

    @Test
    void theDistributionHasLauncherLibrariesOnePluginFolderPerExchangeAndSettings() {
        assertThat(Launcher.HOME.resolve("bin/pricefeed")).isExecutable();
        assertThat(Launcher.HOME.resolve("bin/pricefeed.bat")).isRegularFile();
        assertThat(Launcher.HOME.resolve("conf/pricefeed.properties")).isRegularFile();
        assertThat(Launcher.HOME.resolve("conf/logback.xml")).isRegularFile();
        assertThat(Launcher.HOME.resolve("lib")).isDirectoryContaining("glob:**/pricefeed-core-*.jar")
                .isDirectoryContaining("glob:**/logback-classic-*.jar")
                .isDirectoryNotContaining("glob:**/pricefeed-exchange-*.jar")
                .isDirectoryNotContaining("glob:**/junit-*.jar");
        for (String exchange : new String[] {"kraken", "binance", "kucoin", "coinbase"}) {
            assertThat(Launcher.HOME.resolve("plugins").resolve(exchange))
                    .isDirectoryContaining("glob:**/pricefeed-exchange-" + exchange + "-*.jar");
        }
        assertThat(Launcher.HOME.getParent()).isDirectoryContaining(
                path -> path.getFileName().toString().matches("pricefeed-.*\\.tar\\.gz"));
        assertThat(Launcher.HOME.getParent()).isDirectoryContaining(
                path -> path.getFileName().toString().matches("pricefeed-.*\\.zip"));
    }

    @Test
    void exchangesListsTheFourPluginsWithVersionsCapabilitiesAndWhereEachCameFrom() {
        Launcher.Run run = new Launcher(work).run("exchanges");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.outLines().get(0)).startsWith("ID").contains("VERSION", "SPI", "CAPABILITIES", "SOURCE");
        for (String exchange : new String[] {"kraken", "binance", "kucoin", "coinbase"}) {
            assertThat(run.outLines()).as(exchange).anySatisfy(line -> assertThat(line)
                    .startsWith(exchange + " ")
                    .contains(" 2.0 ", "ticker")
                    .endsWith(Launcher.HOME.resolve("plugins").resolve(exchange).toString()));
        }
        assertThat(run.out()).doesNotContain("Failed to load");
        assertThat(Files.exists(work.resolve("logs"))).isTrue();
    }

    @Test
    void versionAndHelpWork() {
        Launcher launcher = new Launcher(work);

        Launcher.Run version = launcher.run("--version");
        assertThat(version.exitCode()).isZero();
        assertThat(version.out()).startsWith("pricefeed 0.").contains("plugin SPI 2.0");

        Launcher.Run help = launcher.run("watch", "--help");
        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).startsWith("Usage: pricefeed watch").contains("--format", "--endpoint", "--channels");
    }
}
