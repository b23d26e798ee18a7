package dev.pricefeed.runtime.plugins;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The class loader of one plugin (a folder of jars or a lone jar). The core's API, the SPI and the libraries its
 * types expose come from the parent, so plugin and core agree on them; every other class and resource is looked up
 * in the plugin's own jars first, so a plugin can bring its own version of a library.
 */
public final class PluginClassLoader extends URLClassLoader {

    static {
        ClassLoader.registerAsParallelCapable();
    }

    /** Package prefixes always taken from the parent: the JDK, the logging API and the JSON-P types of the SPI. */
    private static final List<String> SHARED_PREFIXES = List.of(
            "java.", "javax.", "jdk.", "sun.", "com.sun.", "org.slf4j.", "jakarta.json.", "dev.pricefeed.runtime.");

    /** The core's own packages, matched exactly: a plugin's classes may live in sub-packages of dev.pricefeed. */
    private static final Set<String> SHARED_PACKAGES =
            Set.of("dev.pricefeed", "dev.pricefeed.spi", "dev.pricefeed.config");

    /**
     * Creates the loader of one plugin.
     *
     * @param name the plugin's name, shown in stack traces and thread dumps
     * @param jars the plugin's jars
     * @param parent the loader that holds the core
     */
    public PluginClassLoader(String name, List<URL> jars, ClassLoader parent) {
        super(Objects.requireNonNull(name, "name is null"),
                Objects.requireNonNull(jars, "jars is null").toArray(URL[]::new),
                Objects.requireNonNull(parent, "parent is null"));
    }

    /** Whether a class or resource name belongs to what plugins share with the core. */
    static boolean isShared(String className) {
        for (String prefix : SHARED_PREFIXES) {
            if (className.startsWith(prefix)) {
                return true;
            }
        }
        int lastDot = className.lastIndexOf('.');
        return lastDot > 0 && SHARED_PACKAGES.contains(className.substring(0, lastDot));
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        if (isShared(name)) {
            return super.loadClass(name, resolve);
        }
        synchronized (getClassLoadingLock(name)) {
            Class<?> type = findLoadedClass(name);
            if (type == null) {
                type = ownOrParent(name);
            }
            if (resolve) {
                resolveClass(type);
            }
            return type;
        }
    }

    private Class<?> ownOrParent(String name) throws ClassNotFoundException {
        try {
            return findClass(name);
        } catch (ClassNotFoundException notInPlugin) {
            // not one of the plugin's classes: the parent has it or nobody does (its exception then propagates)
            return getParent().loadClass(name);
        }
    }

    @Override
    public URL getResource(String name) {
        if (isShared(resourceToClassName(name))) {
            return super.getResource(name);
        }
        URL own = findResource(name);
        return own != null ? own : getParent().getResource(name);
    }

    @Override
    public Enumeration<URL> getResources(String name) throws IOException {
        if (name.equals(ServiceFiles.NAME)) {
            // the class path's exchange providers are discovered once, through the parent, never again per plugin
            return findResources(name);
        }
        List<URL> all = new ArrayList<>(Collections.list(findResources(name)));
        all.addAll(Collections.list(getParent().getResources(name)));
        return Collections.enumeration(all);
    }

    private static String resourceToClassName(String resource) {
        String path = resource.endsWith(".class") ? resource.substring(0, resource.length() - 6) : resource;
        return path.replace('/', '.');
    }

    @Override
    public String toString() {
        return "PluginClassLoader[" + getName() + "]";
    }
}
