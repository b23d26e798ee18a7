package dev.pricefeed.cli;

import dev.pricefeed.PluginRegistry;
import dev.pricefeed.config.ConfigSources;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Option;

/** The options every command that loads plugins or settings shares: {@code --config} and {@code --plugins}. */
final class CommonOptions {

    @Option(names = "--config", paramLabel = "FILE",
            description = "Settings file (default: conf/pricefeed.properties of the distribution).")
    Path config;

    @Option(names = "--plugins", paramLabel = "DIR",
            description = "Plugins folder: each sub-folder or jar is one plugin "
                    + "(default: plugins/ of the distribution).")
    Path plugins;

    /** The settings file to read, if any; a named file that cannot be read is a usage error. */
    Optional<Path> configFile(CliEnvironment env) {
        if (config == null) {
            return env.configFile();
        }
        if (!Files.isRegularFile(config) || !Files.isReadable(config)) {
            throw new UsageError("config file " + config + " cannot be read"
                    + (Files.exists(config) ? "" : ": no such file"));
        }
        return Optional.of(config);
    }

    /** The setting layers: the file, the environment and system properties. */
    ConfigSources sources(CliEnvironment env) {
        ConfigSources.Builder sources = ConfigSources.builder()
                .environment(System.getenv())
                .systemProperties(System.getProperties());
        configFile(env).ifPresent(sources::file);
        return sources.build();
    }

    /** The plugins on the class path and in the plugins folder, with pins ({@code plugins.pin.<id>}) applied. */
    PluginRegistry registry(CliEnvironment env, ConfigSources sources) {
        PluginRegistry.Builder registry = PluginRegistry.builder();
        Optional<Path> directory = plugins != null ? Optional.of(plugins) : env.pluginsDirectory();
        if (plugins != null && !Files.isDirectory(plugins)) {
            throw new UsageError("plugins folder " + plugins + " does not exist or is not a folder");
        }
        directory.ifPresent(registry::pluginsDirectory);
        registry.pins(sources.withPrefix(PluginRegistry.PIN_PREFIX));
        return registry.build();
    }
}
