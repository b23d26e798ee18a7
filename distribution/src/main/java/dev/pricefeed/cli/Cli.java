package dev.pricefeed.cli;

import dev.pricefeed.PluginConflictException;
import dev.pricefeed.UnknownExchangeException;
import dev.pricefeed.UnknownInstrumentException;
import dev.pricefeed.config.ConfigException;
import dev.pricefeed.config.FeedConfig;
import java.io.PrintWriter;
import java.lang.reflect.Constructor;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;

/** Builds the {@code pricefeed} command line: commands, converters, and the mapping of failures to exit codes. */
final class Cli {

    /** The command did what was asked. */
    static final int OK = 0;
    /** Something failed while running (network, file, plugin). */
    static final int FAILURE = 1;
    /** The command line or the configuration is wrong. */
    static final int USAGE = 2;

    private Cli() {
    }

    /** The command line, writing to {@code out} and {@code err}. */
    static CommandLine create(CliEnvironment env, PrintWriter out, PrintWriter err) {
        CommandLine cli = new CommandLine(new PricefeedCommand(), new Factory(env));
        cli.setOut(out);
        cli.setErr(err);
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        cli.registerConverter(Duration.class, FeedConfig::parseDuration);
        cli.setParameterExceptionHandler(Cli::usageError);
        cli.setExecutionExceptionHandler(Cli::executionError);
        return cli;
    }

    private static int usageError(CommandLine.ParameterException e, String[] args) {
        CommandLine command = e.getCommandLine();
        command.getErr().println(command.getCommandSpec().qualifiedName() + ": " + oneLine(e.getMessage())
                + " (see " + command.getCommandSpec().qualifiedName() + " --help)");
        command.getErr().flush();
        return USAGE;
    }

    private static int executionError(Exception e, CommandLine command, CommandLine.ParseResult parsed) {
        String name = command.getCommandSpec().qualifiedName();
        PrintWriter err = command.getErr();
        if (e instanceof UsageError || e instanceof UnknownExchangeException
                || e instanceof UnknownInstrumentException || e instanceof PluginConflictException) {
            err.println(name + ": " + oneLine(e.getMessage()));
            err.flush();
            return USAGE;
        }
        if (e instanceof ConfigException config) {
            err.println(name + ": invalid configuration: " + String.join("; ", config.problems()));
            err.flush();
            return USAGE;
        }
        // the stack trace goes to the log file only; the terminal gets one readable line
        Logger log = LoggerFactory.getLogger(Cli.class);
        log.debug("{} failed", name, e);
        err.println(name + ": failed: " + describe(e));
        err.flush();
        return FAILURE;
    }

    /** An exception and its causes as one line. */
    static String describe(Throwable e) {
        StringBuilder text = new StringBuilder();
        for (Throwable t = e; t != null && text.length() < 500; t = t.getCause()) {
            if (t != e) {
                text.append("; caused by ");
            }
            String message = t.getMessage();
            text.append(message == null || message.isBlank() ? t.getClass().getSimpleName() : oneLine(message));
            if (t.getCause() == t) {
                break;
            }
        }
        return text.toString();
    }

    private static String oneLine(String text) {
        return text == null ? "" : text.replaceAll("\\s*[\\r\\n]+\\s*", " ").trim();
    }

    /** Creates commands with the environment when they take it, otherwise as picocli does. */
    private static final class Factory implements CommandLine.IFactory {
        private final CliEnvironment env;

        Factory(CliEnvironment env) {
            this.env = env;
        }

        @Override
        public <K> K create(Class<K> type) throws Exception {
            try {
                Constructor<K> constructor = type.getDeclaredConstructor(CliEnvironment.class);
                return constructor.newInstance(env);
            } catch (NoSuchMethodException e) {
                return CommandLine.defaultFactory().create(type);
            }
        }
    }
}
