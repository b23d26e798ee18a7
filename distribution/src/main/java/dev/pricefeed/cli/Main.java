package dev.pricefeed.cli;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import org.slf4j.bridge.SLF4JBridgeHandler;

/** The entry point of {@code bin/pricefeed}. */
public final class Main {

    private Main() {
    }

    /** Runs one command and exits with its code: 0 done, 1 runtime failure, 2 usage error. */
    public static void main(String[] args) {
        // the WebSocket client logs through java.util.logging; send it to the same place as everything else
        SLF4JBridgeHandler.removeHandlersForRootLogger();
        SLF4JBridgeHandler.install();
        StopSignal stop = StopSignal.installed();
        String home = System.getProperty(CliEnvironment.HOME_PROPERTY);
        CliEnvironment env = new CliEnvironment(home == null || home.isBlank() ? null : Path.of(home), stop,
                System.console() != null, Clock.systemUTC());
        // JSON Lines are UTF-8 whatever the platform's default charset; the file descriptor itself, unlike
        // System.out, reports a closed pipe (`pricefeed watch ... | head`), which ends the command
        PrintWriter out = new PrintWriter(new OutputStreamWriter(new FileOutputStream(FileDescriptor.out),
                StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        stop.beforeHalt(() -> {
            out.flush();
            err.flush();
        });
        int code = Cli.create(env, out, err).execute(args);
        out.flush();
        err.flush();
        stop.finished(code);
        System.exit(code);
    }
}
