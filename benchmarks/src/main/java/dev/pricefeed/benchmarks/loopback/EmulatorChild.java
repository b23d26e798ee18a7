package dev.pricefeed.benchmarks.loopback;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The harness's handle on an emulator process ({@link EmulatorProcess} or another main of the same protocol). */
public final class EmulatorChild implements AutoCloseable {

    private final Process process;
    private final BufferedReader replies;
    private final PrintWriter commands;
    private final String[] ready;
    /** Ends the process if this JVM exits without closing the handle (the child also ends when its stdin closes). */
    private final Thread killer;

    private EmulatorChild(Process process) throws IOException {
        this.process = process;
        this.killer = new Thread(process::destroyForcibly, "emulator-child-killer");
        Runtime.getRuntime().addShutdownHook(killer);
        this.replies = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        this.commands = new PrintWriter(process.getOutputStream(), true, StandardCharsets.UTF_8);
        String line = replies.readLine();
        if (line == null || !line.startsWith("READY ")) {
            process.destroyForcibly();
            Runtime.getRuntime().removeShutdownHook(killer);
            throw new IOException("emulator process did not start: " + line);
        }
        this.ready = line.substring("READY ".length()).split(" ");
    }

    /** Starts {@code mainClass} in a new JVM with this process's class path and the given heap. */
    public static EmulatorChild start(Class<?> mainClass, String heap, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xms" + heap, "-Xmx" + heap, "-XX:+UseG1GC",
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
                "-cp", System.getProperty("java.class.path"), mainClass.getName()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        return new EmulatorChild(process);
    }

    /** The words after {@code READY} (for {@link EmulatorProcess}: WebSocket and REST base URIs). */
    public String[] ready() {
        return ready.clone();
    }

    public URI websocket() {
        return URI.create(ready[0]);
    }

    public URI rest() {
        return URI.create(ready[1]);
    }

    /** Sends a command and returns the reply's words; fails on an {@code ERROR} reply. */
    public synchronized String[] call(String command) throws IOException {
        commands.println(command);
        String reply = replies.readLine();
        if (reply == null) {
            throw new IOException("emulator process ended while answering " + command);
        }
        if (reply.startsWith("ERROR")) {
            throw new IOException("emulator: " + reply);
        }
        return reply.split(" ");
    }

    /** Asks the process to quit, ends it if it has not after 5 s, and closes the pipes to it. */
    @Override
    public void close() {
        if (process.isAlive()) {
            try {
                call("quit");
            } catch (IOException e) {
                // it is going away anyway: ended below
            }
        }
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        commands.close();
        try {
            replies.close();
        } catch (IOException e) {
            // the pipe of an ended process: nothing is left to read or release
        }
        try {
            Runtime.getRuntime().removeShutdownHook(killer);
        } catch (IllegalStateException e) {
            // the JVM is already shutting down and runs the hook itself
        }
    }
}
