package dev.pricefeed.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs the built distribution's {@code bin/pricefeed} as a separate process, as a user would, with its output in
 * files. The distribution folder comes from the {@code distribution.home} system property set by the build.
 */
final class Launcher {

    /** The unpacked distribution built by {@code mvn package}. */
    static final Path HOME = Path.of(System.getProperty("distribution.home", "target/pricefeed"));

    /** Whether {@code env --default-signal} is there to undo an inherited "ignore SIGINT". */
    private static final boolean ENV_RESETS_SIGNALS = probe("env", "--default-signal=INT", "true");

    private final Path workDir;
    private final Path home;
    private final Map<String, String> environment = new HashMap<>();
    private int runs;

    /**
     * A launcher whose runs keep their output and logs in {@code workDir}.
     *
     * @param workDir a fresh folder
     */
    Launcher(Path workDir) {
        this(workDir, HOME);
    }

    /**
     * A launcher of another unpacked distribution, such as a copy with more plugins.
     *
     * @param workDir a fresh folder
     * @param home the distribution folder
     */
    Launcher(Path workDir, Path home) {
        this.workDir = workDir;
        this.home = home;
        environment.put("PRICEFEED_LOG_DIR", workDir.resolve("logs").toString());
    }

    /** Sets an environment variable of the runs, such as {@code WEBSOCKET_RECONNECT_DELAY}. */
    Launcher env(String name, String value) {
        environment.put(name, value);
        return this;
    }

    /** Starts {@code bin/pricefeed} with the arguments. */
    Run start(String... args) {
        List<String> command = new ArrayList<>();
        if (ENV_RESETS_SIGNALS) {
            // a shell that started the build in the background may have left SIGINT ignored, and an ignored
            // signal stays ignored in every child; Ctrl-C behaviour can only be tested with it restored
            command.add("env");
            command.add("--default-signal=INT");
        }
        command.add(home.resolve("bin").resolve("pricefeed").toString());
        command.addAll(List.of(args));
        int n = runs++;
        Path out = workDir.resolve("run" + n + ".out");
        Path err = workDir.resolve("run" + n + ".err");
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(workDir.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(nullDevice()))
                .redirectOutput(out.toFile())
                .redirectError(err.toFile());
        builder.environment().putAll(environment);
        try {
            return new Run(builder.start(), out, err);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + command, e);
        }
    }

    /** Starts {@code bin/pricefeed} with standard output on a pipe this process reads (standard error discarded). */
    Process startPiped(String... args) {
        List<String> command = new ArrayList<>();
        command.add(home.resolve("bin").resolve("pricefeed").toString());
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(workDir.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(nullDevice()))
                .redirectError(ProcessBuilder.Redirect.DISCARD);
        builder.environment().putAll(environment);
        try {
            return builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + command, e);
        }
    }

    /** Runs {@code bin/pricefeed} to its end (at most a minute). */
    Run run(String... args) {
        Run run = start(args);
        run.awaitExit(Duration.ofSeconds(60));
        return run;
    }

    private static java.io.File nullDevice() {
        return new java.io.File(System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null");
    }

    private static boolean probe(String... command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return process.waitFor(10, TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** One run of the launcher. */
    static final class Run {
        private final Process process;
        private final Path out;
        private final Path err;

        Run(Process process, Path out, Path err) {
            this.process = process;
            this.out = out;
            this.err = err;
        }

        /** What the process wrote to standard output so far. */
        String out() {
            return read(out);
        }

        /** What the process wrote to standard error so far. */
        String err() {
            return read(err);
        }

        /** Standard output's lines so far. */
        List<String> outLines() {
            return out().lines().toList();
        }

        /** Sends SIGINT, as Ctrl-C in a terminal does. */
        void interrupt() {
            try {
                Process kill = new ProcessBuilder("kill", "-INT", Long.toString(process.pid())).inheritIO().start();
                assertThat(kill.waitFor(10, TimeUnit.SECONDS)).as("kill -INT finished").isTrue();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        /** Waits for the process to end and returns its exit code; kills it and fails if it does not end in time. */
        int awaitExit(Duration limit) {
            try {
                if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
                    process.destroyForcibly();
                    throw new AssertionError("pricefeed did not end within " + limit + "; stderr:\n" + err());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
                throw new IllegalStateException(e);
            }
            return process.exitValue();
        }

        /** The exit code of a process that has ended. */
        int exitCode() {
            return process.exitValue();
        }

        /** Ends the process if it is still running (for cleanup after a failed test). */
        void destroy() {
            if (process.isAlive()) {
                process.destroyForcibly();
            }
        }

        private static String read(Path file) {
            try {
                return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
