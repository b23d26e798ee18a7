package dev.pricefeed.runtime.plugins;

import java.net.MalformedURLException;
import java.net.URL;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One plugin in the plugins directory: a folder whose jars share one class loader, or a lone jar.
 *
 * @param location the folder or the lone jar
 * @param jars the jars on the plugin's class loader
 */
public record PluginBundle(Path location, List<Path> jars) {

    /** Checks and copies the values. */
    public PluginBundle {
        Objects.requireNonNull(location, "location is null");
        jars = List.copyOf(Objects.requireNonNull(jars, "jars is null"));
    }

    /** The folder or jar path, as shown in listings and messages. */
    public String source() {
        return location.toString();
    }

    /** The folder or jar file name, which a pin may use. */
    public String name() {
        return location.getFileName() == null ? location.toString() : location.getFileName().toString();
    }

    /** The jars as URLs for a class loader. */
    public List<URL> urls() {
        List<URL> urls = new ArrayList<>(jars.size());
        for (Path jar : jars) {
            try {
                urls.add(jar.toUri().toURL());
            } catch (MalformedURLException e) {
                // a path from the default file system always has a file: URL
                throw new IllegalStateException("jar path " + jar + " has no URL", e);
            }
        }
        return urls;
    }
}
