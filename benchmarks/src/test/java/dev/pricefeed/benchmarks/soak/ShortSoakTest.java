package dev.pricefeed.benchmarks.soak;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The soak in {@code mvn verify}: the one-hour soak's setup and faults on a compressed clock for the 2 minutes
 * at 2,000 frames/s (10,000 frames/s would take both shared cores from the rest of the build). It proves that every
 * fault is recovered from, nothing is lost outside outages, and every thread and descriptor the feeds opened is gone
 * after close; flatness needs the long run ({@code benchmarks/soak.sh}, SOAK.md).
 */
class ShortSoakTest {

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    @DisplayName("two minutes of drops, hung peers and slow listeners: every fault recovered, nothing lost or left")
    void shortSoakLosesNothingAndLeavesNothing() throws Exception {
        Path report = Path.of("target", "soak", "SOAK-short.md");
        SoakSettings settings = SoakSettings.quick(Duration.ofMinutes(2), 7L, report);

        SoakResult result = SoakRun.run(settings);

        assertThat(result.unrecovered()).as("faults not recovered from").isEmpty();
        assertThat(result.recoveries()).as("faults injected and recovered from").hasSizeGreaterThanOrEqualTo(2);
        assertThat(result.lost()).as("numbered frames lost outside outages").isZero();
        assertThat(result.received()).as("numbered frames received").isGreaterThan(result.published() / 2);
        assertThat(result.samples()).hasSizeGreaterThanOrEqualTo(10);
        assertThat(result.threadsAfter()).as("threads after close").isLessThanOrEqualTo(result.threadsBefore());
        // the JDK's one-per-JVM NIO pre-close socket is opened before the count (ProcessProbe.openJdkNioOnce)
        assertThat(result.fdsAfter()).as("sockets, pipes and event descriptors after close")
                .isLessThanOrEqualTo(result.fdsBefore());
        assertThat(ProcessHandle.current().children()).as("emulator process after the soak").isEmpty();
        assertThat(Files.readString(report)).contains("| minute |", "## Verdict", "lost outside outages");
    }
}
