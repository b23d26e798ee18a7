package dev.pricefeed.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Function;

/**
 * The layers settings come from, lowest first: defaults &lt; properties file &lt; environment &lt; system properties
 * &lt; code or command-line overrides. Keys are those of {@link Setting} and {@code <exchange>.<key>}.
 */
public final class ConfigSources {

    /** System properties are read with this prefix: {@code -Dpricefeed.websocket.enabled=false}. */
    public static final String SYSTEM_PROPERTY_PREFIX = "pricefeed.";

    private final Map<String, String> file;
    private final Function<String, String> environment;
    private final Map<String, String> systemProperties;
    private final Map<String, String> overrides;
    private final List<String> problems;

    private ConfigSources(Map<String, String> file, Function<String, String> environment,
            Map<String, String> systemProperties, Map<String, String> overrides, List<String> problems) {
        this.file = Map.copyOf(file);
        this.environment = environment;
        this.systemProperties = Map.copyOf(systemProperties);
        this.overrides = Map.copyOf(overrides);
        this.problems = List.copyOf(problems);
    }

    /** The process's environment and system properties, no file, no overrides. */
    public static ConfigSources fromProcess() {
        return builder().environment(System.getenv()).systemProperties(System.getProperties()).build();
    }

    /** Starts an empty set of layers (defaults only). */
    public static Builder builder() {
        return new Builder();
    }

    /** The value of a key from the highest layer that has it. */
    public Optional<String> get(String key, String environmentVariable) {
        String value = overrides.get(key);
        if (value == null) {
            value = systemProperties.get(key);
        }
        if (value == null && environmentVariable != null) {
            value = environment.apply(environmentVariable);
        }
        if (value == null) {
            value = file.get(key);
        }
        return Optional.ofNullable(value).map(String::trim);
    }

    /** Every key under a prefix (such as {@code kraken.}) in the file, system property and override layers. */
    public Map<String, String> withPrefix(String prefix) {
        Map<String, String> merged = new HashMap<>();
        for (Map<String, String> layer : List.of(file, systemProperties, overrides)) {
            layer.forEach((k, v) -> {
                if (k.startsWith(prefix)) {
                    merged.put(k.substring(prefix.length()), v.trim());
                }
            });
        }
        return merged;
    }

    /** Problems met while reading the layers (an unreadable file); reported with validation problems. */
    List<String> problems() {
        return problems;
    }

    /** A copy with more overrides on top. */
    public ConfigSources withOverrides(Map<String, String> more) {
        Map<String, String> merged = new HashMap<>(overrides);
        merged.putAll(more);
        return new ConfigSources(file, environment, systemProperties, merged, problems);
    }

    /** Builds {@link ConfigSources}. */
    public static final class Builder {
        private final Map<String, String> file = new HashMap<>();
        private Function<String, String> environment = name -> null;
        private final Map<String, String> systemProperties = new HashMap<>();
        private final Map<String, String> overrides = new HashMap<>();
        private final List<String> problems = new ArrayList<>();

        private Builder() {
        }

        /** Reads a properties file; a missing or unreadable file is a configuration problem. */
        public Builder file(Path path) {
            try (Reader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
                return file(path.toString(), reader);
            } catch (IOException e) {
                return unreadable(path.toString(), e);
            }
        }

        /**
         * Reads properties file text, as {@link #file(Path)} does once the file is open; {@code name} says which file
         * in the problems. Package-private so the fuzz test feeds it text without writing a file per input.
         */
        Builder file(String name, Reader reader) {
            try {
                Properties properties = new Properties();
                properties.load(reader);
                properties.stringPropertyNames().forEach(k -> file.put(k, properties.getProperty(k)));
            } catch (IOException | IllegalArgumentException e) {
                unreadable(name, e);
            }
            return this;
        }

        private Builder unreadable(String name, Exception e) {
            // the exception's class says why (no such file, access denied) where its message is only the path
            problems.add("config file " + name + " cannot be read: " + e.getClass().getSimpleName() + ": "
                    + e.getMessage());
            return this;
        }

        /** Settings as if read from a file. */
        public Builder fileValues(Map<String, String> values) {
            file.putAll(values);
            return this;
        }

        /** The environment, usually {@code System.getenv()}. */
        public Builder environment(Map<String, String> env) {
            Map<String, String> copy = Map.copyOf(env);
            this.environment = copy::get;
            return this;
        }

        /** System properties; only {@code pricefeed.*} ones are read, without the prefix. */
        public Builder systemProperties(Properties properties) {
            for (String name : properties.stringPropertyNames()) {
                if (name.startsWith(SYSTEM_PROPERTY_PREFIX)) {
                    systemProperties.put(name.substring(SYSTEM_PROPERTY_PREFIX.length()), properties.getProperty(name));
                }
            }
            return this;
        }

        /** Values set in code or on the command line; they win over everything. */
        public Builder override(String key, String value) {
            overrides.put(key, value);
            return this;
        }

        public ConfigSources build() {
            return new ConfigSources(file, environment, systemProperties, overrides, problems);
        }
    }
}
