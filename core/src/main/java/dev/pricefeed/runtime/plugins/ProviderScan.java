package dev.pricefeed.runtime.plugins;

import dev.pricefeed.PluginFailure;
import dev.pricefeed.PluginInfo;
import dev.pricefeed.spi.ExchangeProvider;
import dev.pricefeed.spi.Spi;
import java.io.IOException;
import java.net.URL;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates exchange providers through {@link ServiceLoader}, one at a time, so that a broken provider is recorded with
 * its jar and cause while the others still load. Not thread-safe: one scan builds one registry.
 */
public final class ProviderScan {

    /** The source shown for a provider whose jar cannot be determined. */
    public static final String CLASS_PATH = "class path";

    private static final Logger LOG = LoggerFactory.getLogger(ProviderScan.class);

    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9._-]*");

    /** A guard against a lookup that keeps failing without moving on; ServiceLoader moves on after each error. */
    private static final int MAX_ERRORS_IN_A_ROW = 1000;

    private final List<LoadedProvider> loaded = new ArrayList<>();
    private final List<PluginFailure> failures = new ArrayList<>();

    /** Loads the providers listed on the class path of a loader. */
    public void classPath(ClassLoader loader) {
        Objects.requireNonNull(loader, "loader is null");
        scan(loader, ProviderScan::locationOf, entry -> entry.map(ServiceFiles.Entry::origin).orElse(CLASS_PATH));
    }

    /** Loads the providers of one plugin through a class loader of its own, whose parent is {@code parent}. */
    public void plugin(PluginBundle bundle, ClassLoader parent) {
        Objects.requireNonNull(bundle, "bundle is null");
        PluginClassLoader loader = new PluginClassLoader(bundle.name(), bundle.urls(), parent);
        int loadedBefore = loaded.size();
        int failedBefore = failures.size();
        scan(loader, type -> bundle.source(), entry -> bundle.source());
        if (loaded.size() == loadedBefore) {
            if (failures.size() == failedBefore) {
                fail(bundle.source(), "provides no exchange: its jars list no provider class of their own in "
                        + ServiceFiles.NAME, null);
            }
            close(loader, bundle);
        }
    }

    /** The providers created, in discovery order. */
    public List<LoadedProvider> loaded() {
        return Collections.unmodifiableList(loaded);
    }

    /** The providers that could not be used, in discovery order. */
    public List<PluginFailure> failures() {
        return Collections.unmodifiableList(failures);
    }

    /** Records a failure found outside a scan, such as an unreadable plugins directory. */
    public void failed(PluginFailure failure) {
        fail(failure.source(), failure.reason(), null);
    }

    private void scan(ClassLoader loader, Function<Class<?>, String> sourceOfType,
            Function<Optional<ServiceFiles.Entry>, String> sourceOfError) {
        // a plugin loader lists only its own services files, so these are exactly the ones ServiceLoader reads
        ServiceFiles files = servicesFiles(loader);
        Iterator<ServiceLoader.Provider<ExchangeProvider>> lookup =
                ServiceLoader.load(ExchangeProvider.class, loader).stream().iterator();
        int errorsInARow = 0;
        while (errorsInARow < MAX_ERRORS_IN_A_ROW) {
            ServiceLoader.Provider<ExchangeProvider> candidate;
            try {
                if (!lookup.hasNext()) {
                    return;
                }
                candidate = lookup.next();
                errorsInARow = 0;
            } catch (ServiceConfigurationError | RuntimeException | LinkageError e) {
                errorsInARow++;
                Optional<ServiceFiles.Entry> listed = files.locate(e, loader);
                fail(sourceOfError.apply(listed), "cannot load provider "
                        + listed.map(ServiceFiles.Entry::className).orElse("(class unknown)") + ": "
                        + Causes.describe(e), e);
                continue;
            }
            Class<? extends ExchangeProvider> type = candidate.type();
            if (type.getClassLoader() != loader && loader instanceof PluginClassLoader) {
                // a plugin listing a class its own jars do not define: that class belongs to the class path
                LOG.debug("{} lists {} which the class path defines; counted there", loader, type.getName());
                continue;
            }
            create(candidate, sourceOfType.apply(type));
        }
        fail(String.valueOf(loader), "gave up after " + MAX_ERRORS_IN_A_ROW + " provider errors in a row", null);
    }

    private void create(ServiceLoader.Provider<ExchangeProvider> candidate, String source) {
        String className = candidate.type().getName();
        ExchangeProvider provider;
        try {
            provider = candidate.get();
        } catch (ServiceConfigurationError | RuntimeException | LinkageError e) {
            fail(source, "cannot create provider " + className + ": " + Causes.describe(e), e);
            return;
        }
        PluginInfo info;
        try {
            info = new PluginInfo(provider.id(), provider.version(), provider.spiVersion(), provider.capabilities(),
                    source, provider.artifact(), className);
        } catch (RuntimeException | LinkageError e) {
            fail(source, "provider " + className + " cannot describe itself: " + Causes.describe(e), e);
            return;
        }
        if (Spi.majorOf(info.spiVersion()) != Spi.MAJOR) {
            fail(source, "provider " + className + " (" + info.id() + " " + info.version() + ") was built for SPI "
                    + info.spiVersion() + " but this core speaks SPI " + Spi.VERSION + "; use a " + info.id()
                    + " plugin built for SPI " + Spi.MAJOR + ".x", null);
            return;
        }
        if (!ID.matcher(info.id()).matches()) {
            fail(source, "provider " + className + " has id '" + info.id()
                    + "'; an id is lower-case letters, digits, '.', '_' or '-'", null);
            return;
        }
        LOG.debug("loaded exchange plugin {} from {}", info.describe(), source);
        loaded.add(new LoadedProvider(provider, info));
    }

    private void fail(String source, String reason, Throwable cause) {
        failures.add(new PluginFailure(source, reason));
        if (cause == null) {
            LOG.warn("exchange plugin skipped: {}: {}", source, reason);
        } else {
            LOG.warn("exchange plugin skipped: {}: {}", source, reason, cause);
        }
    }

    private static ServiceFiles servicesFiles(ClassLoader loader) {
        try {
            return ServiceFiles.read(loader.getResources(ServiceFiles.NAME));
        } catch (IOException e) {
            // ServiceLoader lists the same resources and reports this error itself
            LOG.debug("cannot list {} to locate providers: {}", ServiceFiles.NAME, Causes.describe(e));
            return ServiceFiles.read(Collections.emptyEnumeration());
        }
    }

    /** The jar or class directory a class was loaded from, or {@link #CLASS_PATH} when it cannot be told. */
    static String locationOf(Class<?> type) {
        CodeSource code = type.getProtectionDomain().getCodeSource();
        URL location = code == null ? null : code.getLocation();
        return location == null ? CLASS_PATH : ServiceFiles.toPath(location);
    }

    private static void close(PluginClassLoader loader, PluginBundle bundle) {
        try {
            loader.close();
        } catch (IOException e) {
            LOG.warn("cannot close the class loader of plugin {}: {}", bundle.source(), Causes.describe(e), e);
        }
    }
}
