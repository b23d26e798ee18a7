package dev.pricefeed.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pricefeed.config.Setting;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class DistributionFilesTest {

    private static final Path DIST = Path.of("src", "dist");

    @Test
    void theSettingsFileDocumentsEverySettingWithItsEnvironmentVariableAndDefault() throws IOException {
        String conf = Files.readString(DIST.resolve("conf/pricefeed.properties"), StandardCharsets.UTF_8);

        for (Setting setting : Setting.values()) {
            assertThat(conf).as(setting.name())
                    .contains("#" + setting.key() + "=" + setting.defaultValue() + "\n")
                    .contains("# Environment: " + setting.environmentVariable() + "\n");
        }
        for (String key : Setting.perExchangeKeys()) {
            assertThat(conf).contains("#kraken." + key + "=");
        }
        assertThat(conf.lines().filter(line -> !line.isBlank() && !line.startsWith("#")))
                .as("every setting is commented out, so the file changes nothing until edited").isEmpty();
    }

    @Test
    void theLaunchersPassTheDistributionFolderAndHonourJavaHomeAndJavaOpts() throws IOException {
        String sh = Files.readString(DIST.resolve("bin/pricefeed"), StandardCharsets.UTF_8);
        String bat = Files.readString(DIST.resolve("bin/pricefeed.bat"), StandardCharsets.UTF_8);

        assertThat(sh).startsWith("#!/bin/sh\n").contains("JAVA_HOME", "$JAVA_OPTS", "-Dpricefeed.home=",
                "-cp \"$PRICEFEED_HOME/lib/*\"", "exec \"$JAVA\"", "dev.pricefeed.cli.Main \"$@\"");
        assertThat(bat).contains("JAVA_HOME", "%JAVA_OPTS%", "-Dpricefeed.home=", "lib\\*",
                "dev.pricefeed.cli.Main %*");
    }

    @Test
    void logsGoToStandardErrorWithoutStackTracesAndToTheLogFolder() throws IOException {
        String logback = Files.readString(DIST.resolve("conf/logback.xml"), StandardCharsets.UTF_8);

        assertThat(logback).contains("<target>System.err</target>", "%nopex", "/pricefeed.log", "${pricefeed.home",
                Logging.CONSOLE_LEVEL);
    }
}
