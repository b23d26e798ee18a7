package dev.pricefeed.cli;

/** Adjusts the distribution's logging to what is on the screen, before the logging backend starts. */
final class Logging {

    /** The variable conf/logback.xml reads for the lowest level shown on standard error. */
    static final String CONSOLE_LEVEL = "PRICEFEED_CONSOLE_LEVEL";

    private Logging() {
    }

    /**
     * With the table on screen, log lines on the same terminal would tear it, so only the log file gets them; the
     * table's status lines show the feed's state and newest error instead. A level the user set is kept.
     */
    static void forFormat(OutputFormat format) {
        if (format == OutputFormat.TABLE && System.getProperty(CONSOLE_LEVEL) == null
                && System.getenv(CONSOLE_LEVEL) == null) {
            System.setProperty(CONSOLE_LEVEL, "OFF");
        }
    }
}
