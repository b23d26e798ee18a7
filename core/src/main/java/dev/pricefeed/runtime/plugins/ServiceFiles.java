package dev.pricefeed.runtime.plugins;

import dev.pricefeed.spi.ExchangeProvider;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLConnection;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The provider class names listed in {@code META-INF/services} files and where each file lives. ServiceLoader's
 * errors name a class or a file but not the jar; this lets a failure be reported with its jar.
 */
final class ServiceFiles {

    private static final Logger LOG = LoggerFactory.getLogger(ServiceFiles.class);

    /** The services file of the exchange SPI. */
    static final String NAME = "META-INF/services/" + ExchangeProvider.class.getName();

    private final Map<String, URL> fileByClassName;

    private ServiceFiles(Map<String, URL> fileByClassName) {
        this.fileByClassName = Map.copyOf(fileByClassName);
    }

    /** Reads every services file in an enumeration; a file that cannot be read lists nothing. */
    static ServiceFiles read(Enumeration<URL> files) {
        Map<String, URL> byClass = new LinkedHashMap<>();
        for (URL file : Collections.list(files)) {
            for (String className : classNames(file)) {
                byClass.putIfAbsent(className, file);
            }
        }
        return new ServiceFiles(byClass);
    }

    /**
     * A provider class listed in a services file.
     *
     * @param className the provider class name
     * @param origin the jar or class directory whose services file lists it
     */
    record Entry(String className, String origin) {
    }

    /**
     * The listed provider an error from ServiceLoader is about: the one whose class name or services file the error
     * names, or else the one whose loading fails with the same error (a missing superclass names only itself).
     */
    Optional<Entry> locate(Throwable error, ClassLoader loader) {
        String text = Causes.describe(error);
        String bestClass = null;
        for (Map.Entry<String, URL> listed : fileByClassName.entrySet()) {
            if (text.contains(listed.getValue().toString())) {
                return Optional.of(entry(listed.getKey()));
            }
            // the longest listed name wins, so a.Provider does not claim an error about a.ProviderTwo
            String name = listed.getKey();
            if (text.contains(name) && (bestClass == null || name.length() > bestClass.length())) {
                bestClass = name;
            }
        }
        if (bestClass != null) {
            return Optional.of(entry(bestClass));
        }
        return error instanceof LinkageError ? reproduce((LinkageError) error, loader) : Optional.empty();
    }

    private Optional<Entry> reproduce(LinkageError error, ClassLoader loader) {
        for (String name : fileByClassName.keySet()) {
            try {
                Class.forName(name, false, loader);
            } catch (LinkageError | ClassNotFoundException again) {
                if (again.getClass() == error.getClass() && Objects.equals(again.getMessage(), error.getMessage())) {
                    return Optional.of(entry(name));
                }
            }
        }
        return Optional.empty();
    }

    private Entry entry(String className) {
        return new Entry(className, origin(fileByClassName.get(className)));
    }

    /** The jar or class directory that holds a services file, as a path where possible. */
    static String origin(URL servicesFile) {
        try {
            URLConnection connection = servicesFile.openConnection();
            if (connection instanceof JarURLConnection jar) {
                return toPath(jar.getJarFileURL());
            }
        } catch (IOException e) {
            // only shown in a message: the file's own URL still tells where it is
            return servicesFile.toString();
        }
        String text = servicesFile.toString();
        return text.endsWith(NAME) ? toPath(urlOrSelf(text.substring(0, text.length() - NAME.length()), servicesFile))
                : text;
    }

    /** A file URL as a path, anything else as its text. */
    static String toPath(URL url) {
        if (!"file".equals(url.getProtocol())) {
            return url.toString();
        }
        try {
            return Path.of(url.toURI()).toString();
        } catch (URISyntaxException | IllegalArgumentException e) {
            // only shown in a message: an unusual file URL is still readable as text
            return url.toString();
        }
    }

    private static URL urlOrSelf(String text, URL fallback) {
        try {
            return new URL(text);
        } catch (IOException e) {
            // only shown in a message: the services file's URL is the next best description
            return fallback;
        }
    }

    private static Iterable<String> classNames(URL file) {
        Map<String, Boolean> names = new LinkedHashMap<>();
        try {
            URLConnection connection = file.openConnection();
            // jar caching would keep a plugin's jar open after its loader is closed
            connection.setUseCaches(false);
            try (InputStream in = connection.getInputStream();
                    BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                String line;
                while ((line = reader.readLine()) != null) {
                    int comment = line.indexOf('#');
                    String name = (comment >= 0 ? line.substring(0, comment) : line).trim();
                    if (!name.isEmpty()) {
                        names.put(name, Boolean.TRUE);
                    }
                }
            }
        } catch (IOException e) {
            // ServiceLoader reads the same file and reports the error as a plugin failure, with its cause
            LOG.debug("cannot read {} to locate providers: {}", file, Causes.describe(e));
        }
        return names.keySet();
    }
}
