package dev.pricefeed.runtime.plugins;

import dev.pricefeed.PluginFailure;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Finds the plugins in a plugins directory: each sub-folder is one plugin, and so is each jar directly inside. */
public final class PluginDirectory {

    private static final Logger LOG = LoggerFactory.getLogger(PluginDirectory.class);

    private PluginDirectory() {
    }

    /**
     * What a scan of a plugins directory found.
     *
     * @param bundles the plugins, sorted by name
     * @param failures folders or files that cannot be plugins
     */
    public record Scan(List<PluginBundle> bundles, List<PluginFailure> failures) {

        /** Copies the lists. */
        public Scan {
            bundles = List.copyOf(bundles);
            failures = List.copyOf(failures);
        }
    }

    /** Lists the plugins in a directory; a missing directory or an empty folder is reported, not thrown. */
    public static Scan scan(Path directory) {
        Objects.requireNonNull(directory, "directory is null");
        List<PluginBundle> bundles = new ArrayList<>();
        List<PluginFailure> failures = new ArrayList<>();
        if (!Files.isDirectory(directory)) {
            failures.add(new PluginFailure(directory.toString(),
                    "plugins directory does not exist or is not a directory"));
            return new Scan(bundles, failures);
        }
        try {
            for (Path entry : sortedEntries(directory)) {
                if (Files.isDirectory(entry)) {
                    folder(entry, bundles, failures);
                } else if (isJar(entry)) {
                    bundles.add(new PluginBundle(entry, List.of(entry)));
                } else {
                    LOG.debug("ignoring {} in the plugins directory: neither a folder nor a jar", entry);
                }
            }
        } catch (IOException e) {
            failures.add(new PluginFailure(directory.toString(),
                    "plugins directory cannot be listed: " + Causes.describe(e)));
        }
        return new Scan(bundles, failures);
    }

    private static void folder(Path folder, List<PluginBundle> bundles, List<PluginFailure> failures)
            throws IOException {
        List<Path> jars = new ArrayList<>();
        for (Path entry : sortedEntries(folder)) {
            if (Files.isRegularFile(entry) && isJar(entry)) {
                jars.add(entry);
            }
        }
        if (jars.isEmpty()) {
            failures.add(new PluginFailure(folder.toString(), "plugin folder contains no jar"));
        } else {
            bundles.add(new PluginBundle(folder, jars));
        }
    }

    private static List<Path> sortedEntries(Path directory) throws IOException {
        List<Path> entries = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(directory)) {
            for (Path entry : stream) {
                // hidden entries are editor or OS leftovers (.DS_Store), never plugins
                if (!entry.getFileName().toString().startsWith(".")) {
                    entries.add(entry);
                }
            }
        }
        entries.sort(Comparator.comparing(p -> p.getFileName().toString()));
        return entries;
    }

    private static boolean isJar(Path path) {
        return path.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".jar");
    }
}
