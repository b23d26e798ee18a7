package dev.pricefeed.cli;

import java.io.PrintWriter;
import java.util.Objects;

/**
 * Writes whole lines from several threads without interleaving them, flushing after each so a pipe reader sees every
 * line at once. Remembers when the reader went away (a closed pipe), which stops the command.
 */
final class LineOutput {

    private final PrintWriter writer;
    private volatile boolean broken;

    LineOutput(PrintWriter writer) {
        this.writer = Objects.requireNonNull(writer, "writer is null");
    }

    /** Writes one line and flushes; returns {@code false} once the output cannot be written any more. */
    synchronized boolean println(String line) {
        if (broken) {
            return false;
        }
        writer.println(line);
        writer.flush();
        if (writer.checkError()) {
            broken = true;
        }
        return !broken;
    }

    /** Writes text as it is (terminal control sequences included) and flushes. */
    synchronized boolean print(String text) {
        if (broken) {
            return false;
        }
        writer.print(text);
        writer.flush();
        if (writer.checkError()) {
            broken = true;
        }
        return !broken;
    }

    /** Whether a write failed, such as when the reading end of a pipe was closed. */
    boolean broken() {
        return broken;
    }

    /** Flushes what is buffered. */
    synchronized void flush() {
        writer.flush();
    }
}
