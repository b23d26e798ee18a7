package dev.pricefeed.distribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.pricefeed.Instrument;
import dev.pricefeed.PriceFeed;
import dev.pricefeed.testkit.ExchangeSimulator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The path of a third-party plugin: {@code examples/exchange-template} is built on its own with Maven (against the
 * core and test kit of this build, passing the contract kit), its jar is dropped into {@code plugins/} of a copy of
 * the distribution, and {@code pricefeed} lists it and streams from its simulator.
 */
class ThirdPartyPluginIT {

    private static final Path PROJECT = Path.of(System.getProperty("distribution.basedir", ".")).toAbsolutePath()
            .getParent();
    private static final Path TEMPLATE = PROJECT.resolve("examples").resolve("exchange-template");
    private static final Duration BUILD_LIMIT = Duration.ofMinutes(4);

    @TempDir
    Path work;

    @Test
    void theExamplePluginBuildsDropsIntoPluginsIsListedAndStreams() throws Exception {
        String mvn = maven();
        installCoreAndTestkit(mvn);
        build(mvn, "-f", TEMPLATE.resolve("pom.xml").toString(), "package");
        Path pluginJar = onlyFile(TEMPLATE.resolve("target"), "pricefeed-exchange-bitstamp-", "-SNAPSHOT.jar");
        Path testsJar = onlyFile(TEMPLATE.resolve("target"), "pricefeed-exchange-bitstamp-", "-tests.jar");

        Path home = copyOfDistribution();
        Files.copy(pluginJar, home.resolve("plugins").resolve(pluginJar.getFileName()));
        Launcher launcher = new Launcher(work, home);

        Launcher.Run exchanges = launcher.run("exchanges");
        assertThat(exchanges.exitCode()).as(exchanges.err()).isZero();
        assertThat(exchanges.outLines()).anySatisfy(line -> assertThat(line)
                .startsWith("bitstamp ").contains("0.1.0-SNAPSHOT", " 2.0 ", "ticker", "trades")
                .endsWith(home.resolve("plugins").resolve(pluginJar.getFileName()).toString()));
        assertThat(exchanges.out()).contains("kraken ", "binance ", "kucoin ", "coinbase ");

        try (URLClassLoader simulatorLoader = new URLClassLoader(new URL[] {testsJar.toUri().toURL()},
                ThirdPartyPluginIT.class.getClassLoader());
                ExchangeSimulator bitstamp = (ExchangeSimulator) simulatorLoader
                        .loadClass("com.example.pricefeed.bitstamp.BitstampSimulator")
                        .getMethod("start").invoke(null)) {
            Instrument btcUsd = Instrument.of("BTC/USD");
            Launcher.Run watch = launcher.start("watch", "bitstamp", "BTC/USD", "--format", "jsonl",
                    "--endpoint", bitstamp.server().wsUri("/").toString(),
                    "--rest-endpoint", bitstamp.server().httpUri("/").toString());
            try {
                await().atMost(Duration.ofSeconds(20)).until(() -> bitstamp.tickerSubscriptions(btcUsd) >= 1);
                bitstamp.publishTicker(btcUsd, "63360.5", "63360.1", "63361.9");

                await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(watch.outLines())
                        .anySatisfy(line -> assertThat(line)
                                .startsWith("{\"type\":\"tick\",\"exchange\":\"bitstamp\",\"instrument\":\"BTC/USD\","
                                        + "\"last\":\"63360.5\"")
                                .contains("\"bid\":\"63360.1\"", "\"ask\":\"63361.9\"")));
                watch.interrupt();
                assertThat(watch.awaitExit(Duration.ofSeconds(20))).as(watch.err()).isZero();
                StackTraces.assertNone(watch.err());
            } finally {
                watch.destroy();
            }
        }
    }

    /** The Maven running this build, else {@code mvn} on the PATH; the test is skipped when there is none. */
    private static String maven() {
        String home = System.getProperty("distribution.maven.home", "");
        if (!home.isBlank()) {
            Path mvn = Path.of(home, "bin", "mvn");
            if (Files.isExecutable(mvn)) {
                return mvn.toString();
            }
        }
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            Path mvn = Path.of(dir, "mvn");
            if (Files.isExecutable(mvn)) {
                return mvn.toString();
            }
        }
        Assumptions.abort("no Maven (mvn) found to build the example plugin");
        return null;
    }

    /**
     * Puts this build's core and test kit into the local repository, where the example resolves them as a third party
     * would. When this JVM itself reads them from the local repository (a build of this module alone), replacing them
     * under it would break its class loading, so it then only checks that they are this build's.
     */
    private void installCoreAndTestkit(String mvn) throws IOException, InterruptedException {
        Path core = location(PriceFeed.class);
        Path testkit = location(ExchangeSimulator.class);
        if (core.startsWith(PROJECT.resolve("core")) && testkit.startsWith(PROJECT.resolve("testkit"))) {
            build(mvn, "-f", PROJECT.resolve("pom.xml").toString(), "install", "-Dmaven.test.skip=true",
                    "-pl", "core,testkit", "-am");
            return;
        }
        Path builtCore = onlyFile(PROJECT.resolve("core/target"), "pricefeed-core-", ".jar");
        Path builtTestkit = onlyFile(PROJECT.resolve("testkit/target"), "pricefeed-testkit-", ".jar");
        Assumptions.assumeTrue(Files.mismatch(core, builtCore) == -1 && Files.mismatch(testkit, builtTestkit) == -1,
                "the core and test kit in the local repository are not this build's; run `mvn install -DskipTests`"
                        + " or the whole build from the root");
    }

    private static Path location(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toAbsolutePath();
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException("cannot tell where " + type + " was loaded from", e);
        }
    }

    private void build(String mvn, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(mvn, "-B", "-q"));
        command.addAll(List.of(args));
        Path log = Files.createTempFile(work, "mvn", ".log");
        Process process = new ProcessBuilder(command).directory(PROJECT.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .start();
        if (!process.waitFor(BUILD_LIMIT.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            throw new AssertionError(command + " did not finish within " + BUILD_LIMIT);
        }
        assertThat(process.exitValue()).as("%s failed:%n%s", command, Files.readString(log, StandardCharsets.UTF_8))
                .isZero();
    }

    private static Path onlyFile(Path dir, String prefix, String suffix) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> found = files.filter(f -> f.getFileName().toString().startsWith(prefix)
                    && f.getFileName().toString().endsWith(suffix)).toList();
            assertThat(found).as("%s*%s in %s", prefix, suffix, dir).hasSize(1);
            return found.get(0);
        }
    }

    /** A copy of the built distribution, as a user's unpacked one, so the original stays as built. */
    private Path copyOfDistribution() throws IOException {
        Path copy = work.resolve("pricefeed");
        try (Stream<Path> paths = Files.walk(Launcher.HOME)) {
            paths.forEach(source -> {
                Path target = copy.resolve(Launcher.HOME.relativize(source).toString());
                try {
                    if (Files.isDirectory(source)) {
                        Files.createDirectories(target);
                    } else {
                        Files.copy(source, target, StandardCopyOption.COPY_ATTRIBUTES);
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
        return copy;
    }
}
