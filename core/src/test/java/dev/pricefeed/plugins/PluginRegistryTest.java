package dev.pricefeed.plugins;

import static dev.pricefeed.plugins.PluginJars.jar;
import static dev.pricefeed.plugins.PluginJars.provider;
import static dev.pricefeed.plugins.PluginJars.providerJar;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.pricefeed.PluginFailure;
import dev.pricefeed.PluginInfo;
import dev.pricefeed.PluginRegistry;
import dev.pricefeed.UnknownExchangeException;
import dev.pricefeed.spi.Capability;
import dev.pricefeed.spi.ExchangeProvider;
import dev.pricefeed.spi.Spi;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("PluginRegistry")
class PluginRegistryTest {

    private static final String LIBRARY_A = "package lib;\n"
            + "public final class Greeting { public static String version() { return \"lib-A\"; } }\n";
    private static final String LIBRARY_B = LIBRARY_A.replace("lib-A", "lib-B");

    @TempDir
    static Path build;

    /** The classes of every test provider, compiled once. */
    private static Path classes;

    /** A second version of the library {@code lib.Greeting}, compiled on its own. */
    private static Path libraryB;

    @TempDir
    Path plugins;

    @BeforeAll
    static void compileTestProviders() throws IOException {
        classes = PluginJars.compile(build, "providers", List.of(
                provider("p.alpha.AlphaProvider", "alpha"),
                provider("p.beta.BetaProvider", "\"beta\"", "\"2.1.0\"", "Spi.VERSION", ""),
                provider("p.good.GoodProvider", "good"),
                provider("p.broken.BrokenProvider", "\"broken\"", "\"1.0.0\"", "Spi.VERSION",
                        "if (true) { throw new IllegalStateException(\"no token for the test exchange\"); }"),
                provider("p.legacy.LegacyProvider", "\"legacy\"", "\"3.0.0\"", "\"1.0\"", ""),
                provider("p.badid.BadIdProvider", "\"Bad Id\"", "\"1.0.0\"", "Spi.VERSION", ""),
                provider("p.gamma.one.GammaProvider", "\"gamma\"", "\"1.0.0\"", "Spi.VERSION", ""),
                provider("p.gamma.two.GammaProvider", "\"gamma\"", "\"2.0.0\"", "Spi.VERSION", ""),
                provider("p.delta.DeltaProvider", "delta"),
                LIBRARY_A,
                provider("p.libone.LibOneProvider", "\"libone\"", "lib.Greeting.version()", "Spi.VERSION", ""),
                provider("p.libtwo.LibTwoProvider", "\"libtwo\"", "lib.Greeting.version()", "Spi.VERSION", ""),
                "package lib;\npublic abstract class BaseProvider implements dev.pricefeed.spi.ExchangeProvider {}\n",
                provider("p.extending.ExtendingProvider", "extending").replace("implements ExchangeProvider",
                        "extends lib.BaseProvider")));
        libraryB = PluginJars.compile(build, "library-b", List.of(LIBRARY_B));
    }

    @Test
    @DisplayName("a provider in a plugin folder is found, described and created")
    void providerInPluginFolder() throws IOException {
        providerJar(plugins.resolve("alpha/pricefeed-exchange-alpha-1.0.0.jar"), classes, "p.alpha.AlphaProvider");

        PluginRegistry registry = PluginRegistry.builder().pluginsDirectory(plugins).build();

        assertThat(registry.failures()).isEmpty();
        assertThat(registry.ids()).containsExactly("alpha");
        assertThat(registry.plugins()).containsExactly(new PluginInfo("alpha", "1.0.0", Spi.VERSION,
                Set.of(Capability.TICKER, Capability.TRADES), plugins.resolve("alpha").toString(),
                "dev.pricefeed:pricefeed-exchange-alpha", "p.alpha.AlphaProvider"));
        ExchangeProvider provider = registry.provider("alpha");
        assertThat(provider.getClass().getName()).isEqualTo("p.alpha.AlphaProvider");
        assertThat(registry.provider("ALPHA")).isSameAs(provider);
    }

    @Test
    @DisplayName("a lone jar in the plugins directory is one plugin, its source the jar")
    void loneJar() throws IOException {
        Path jar = providerJar(plugins.resolve("beta.jar"), classes, "p.beta.BetaProvider");

        PluginRegistry registry = PluginRegistry.builder().pluginsDirectory(plugins).build();

        assertThat(registry.failures()).isEmpty();
        assertThat(registry.plugins()).singleElement().satisfies(info -> {
            assertThat(info.id()).isEqualTo("beta");
            assertThat(info.version()).isEqualTo("2.1.0");
            assertThat(info.source()).isEqualTo(jar.toString());
        });
        assertThat(registry.provider("beta").id()).isEqualTo("beta");
    }

    @Test
    @DisplayName("a provider whose constructor throws is reported with its jar and cause; the others still load")
    void constructorThrows() throws IOException {
        Path broken = providerJar(plugins.resolve("broken.jar"), classes, "p.broken.BrokenProvider");
        providerJar(plugins.resolve("good.jar"), classes, "p.good.GoodProvider");

        PluginRegistry registry = PluginRegistry.builder().pluginsDirectory(plugins).build();

        assertThat(registry.ids()).containsExactly("good");
        assertThat(registry.failures()).singleElement().satisfies(failure -> {
            assertThat(failure.source()).isEqualTo(broken.toString());
            assertThat(failure.reason()).contains("p.broken.BrokenProvider", "java.lang.IllegalStateException",
                    "no token for the test exchange").doesNotContain("\n");
        });
    }

    @Test
    @DisplayName("a services file naming a missing class is reported; the jar's other provider still loads")
    void missingClass() throws IOException {
        Path jar = jar(plugins.resolve("mixed.jar"), classes, List.of("p.good"),
                List.of("p.missing.NoSuchProvider", "p.good.GoodProvider"));

        PluginRegistry registry = PluginRegistry.builder().pluginsDirectory(plugins).build();

        assertThat(registry.ids()).containsExactly("good");
        assertThat(registry.failures()).singleElement().satisfies(failure -> {
            assertThat(failure.source()).isEqualTo(jar.toString());
            assertThat(failure.reason()).contains("p.missing.NoSuchProvider", "ServiceConfigurationError");
        });
    }

    @Test
    @DisplayName("a provider built for another SPI major version is skipped, naming its jar, its SPI and the core's")
    void otherSpiMajor() throws IOException {
        Path jar = providerJar(plugins.resolve("legacy.jar"), classes, "p.legacy.LegacyProvider");
        providerJar(plugins.resolve("good.jar"), classes, "p.good.GoodProvider");

        PluginRegistry registry = PluginRegistry.builder().pluginsDirectory(plugins).build();

        assertThat(registry.ids()).containsExactly("good");
        assertThat(registry.failures()).singleElement().satisfies(failure -> {
            assertThat(failure.source()).isEqualTo(jar.toString());
            assertThat(failure.reason()).contains("legacy 3.0.0", "SPI 1.0", "this core speaks SPI " + Spi.VERSION);
        });
        assertThatThrownBy(() -> registry.provider("legacy"))
                .isInstanceOf(UnknownExchangeException.class)
                .hasMessageContaining("SPI 1.0")
                .hasMessageContaining(jar.toString());
    }

    @Test
    @DisplayName("a plugin missing a library is reported, whether the provider needs it to load or to describe itself")
    void missingLibrary() throws IOException {
        Path extending = providerJar(plugins.resolve("extending.jar"), classes, "p.extending.ExtendingProvider");
        Path usesLibrary = providerJar(plugins.resolve("libone.jar"), classes, "p.libone.LibOneProvider");
        providerJar(plugins.resolve("good.jar"), classes, "p.good.GoodProvider");

        PluginRegistry registry = PluginRegistry.builder().pluginsDirectory(plugins).build();

        assertThat(registry.ids()).containsExactly("good");
        assertThat(registry.failures()).extracting(PluginFailure::source)
                .containsExactly(extending.toString(), usesLibrary.toString());
        assertThat(registry.failures().get(0).reason()).contains("NoClassDefFoundError", "lib/BaseProvider");
        assertThat(registry.failures().get(1).reason())
                .contains("p.libone.LibOneProvider cannot describe itself", "NoClassDefFoundError", "lib/Greeting");
    }

    @Test
    @DisplayName("a provider whose id is not lower case is reported, not registered")
    void badId() throws IOException {
        Path jar = providerJar(plugins.resolve("badid.jar"), classes, "p.badid.BadIdProvider");

        PluginRegistry registry = PluginRegistry.builder().pluginsDirectory(plugins).build();

        assertThat(registry.ids()).isEmpty();
        assertThat(registry.failures()).containsExactly(new PluginFailure(jar.toString(),
                "provider p.badid.BadIdProvider has id 'Bad Id'; an id is lower-case letters, digits, '.', '_' or '-'"));
    }

    @Test
    @DisplayName("two providers of one id are an error naming both and how to pin; a pin by jar name selects one")
    void duplicateIds() throws IOException {
        Path one = providerJar(plugins.resolve("gamma-one.jar"), classes, "p.gamma.one.GammaProvider");
        Path two = providerJar(plugins.resolve("gamma-two.jar"), classes, "p.gamma.two.GammaProvider");

        PluginRegistry unpinned = PluginRegistry.builder().pluginsDirectory(plugins).build();

        assertThat(unpinned.ids()).containsExactly("gamma");
        assertThat(unpinned.plugins()).extracting(PluginInfo::version).containsExactly("1.0.0", "2.0.0");
        assertThatThrownBy(() -> unpinned.provider("gamma"))
                .isInstanceOf(dev.pricefeed.PluginConflictException.class)
                .hasMessageContaining(one.toString())
                .hasMessageContaining(two.toString())
                .hasMessageContaining("plugins.pin.gamma=");
        assertThat(unpinned.failures()).singleElement()
                .satisfies(failure -> assertThat(failure.reason()).contains(one.toString(), two.toString()));

        PluginRegistry pinned = PluginRegistry.builder().pluginsDirectory(plugins).pin("gamma", "gamma-two.jar").build();

        assertThat(pinned.failures()).isEmpty();
        assertThat(pinned.provider("gamma").version()).isEqualTo("2.0.0");
    }

    @Test
    @DisplayName("a pin can name the provider class, and pins can come from configuration")
    void pinByClassName() throws IOException {
        providerJar(plugins.resolve("gamma-one.jar"), classes, "p.gamma.one.GammaProvider");
        providerJar(plugins.resolve("gamma-two.jar"), classes, "p.gamma.two.GammaProvider");

        PluginRegistry registry = PluginRegistry.builder().pluginsDirectory(plugins)
                .pins(Map.of("gamma", "p.gamma.one.GammaProvider")).build();

        assertThat(registry.provider("gamma").getClass().getName()).isEqualTo("p.gamma.one.GammaProvider");
    }

    @Test
    @DisplayName("a pin that names none of the candidates is an error listing them")
    void pinNamingNothing() throws IOException {
        Path one = providerJar(plugins.resolve("gamma-one.jar"), classes, "p.gamma.one.GammaProvider");
        providerJar(plugins.resolve("gamma-two.jar"), classes, "p.gamma.two.GammaProvider");

        PluginRegistry registry = PluginRegistry.builder().pluginsDirectory(plugins)
                .pin("gamma", "gamma-three.jar").pin("omega", "omega.jar").build();

        assertThatThrownBy(() -> registry.provider("gamma"))
                .isInstanceOf(dev.pricefeed.PluginConflictException.class)
                .hasMessageContaining("plugins.pin.gamma=gamma-three.jar")
                .hasMessageContaining(one.toString());
        assertThat(registry.failures()).extracting(PluginFailure::reason)
                .anySatisfy(reason -> assertThat(reason).contains("gamma-three.jar"))
                .anySatisfy(reason -> assertThat(reason).contains("exchange 'omega' but no plugin provides it"));
    }

    @Test
    @DisplayName("an unknown exchange lists every available id with versions and names the artifact to add")
    void unknownExchange() throws IOException {
        providerJar(plugins.resolve("alpha.jar"), classes, "p.alpha.AlphaProvider");
        providerJar(plugins.resolve("beta.jar"), classes, "p.beta.BetaProvider");

        PluginRegistry registry = PluginRegistry.builder().pluginsDirectory(plugins).build();

        assertThatThrownBy(() -> registry.provider("zeta"))
                .isInstanceOf(UnknownExchangeException.class)
                .hasMessage("no plugin provides exchange 'zeta'; available: alpha 1.0.0 (SPI " + Spi.VERSION
                        + "), beta 2.1.0 (SPI " + Spi.VERSION + "). To add it, put "
                        + "dev.pricefeed:pricefeed-exchange-zeta on the class path, or drop its jar into plugins/.");
    }

    @Test
    @DisplayName("with no plugins at all the unknown exchange message says none are available")
    void noPlugins() {
        PluginRegistry registry = PluginRegistry.discover();

        assertThat(registry.ids()).isEmpty();
        assertThat(registry.failures()).isEmpty();
        assertThatThrownBy(() -> registry.provider("kraken"))
                .isInstanceOf(UnknownExchangeException.class)
                .hasMessageContaining("available: none")
                .hasMessageContaining("dev.pricefeed:pricefeed-exchange-kraken");
    }

    @Test
    @DisplayName("each plugin folder loads its own library version through its own class loader")
    void ownLibrariesPerFolder() throws IOException {
        providerJar(plugins.resolve("one/libone.jar"), classes, "p.libone.LibOneProvider");
        jar(plugins.resolve("one/greeting-a.jar"), classes, List.of("lib"), List.of());
        providerJar(plugins.resolve("two/libtwo.jar"), classes, "p.libtwo.LibTwoProvider");
        jar(plugins.resolve("two/greeting-b.jar"), libraryB, List.of("lib"), List.of());

        PluginRegistry registry = PluginRegistry.builder().pluginsDirectory(plugins).build();

        assertThat(registry.failures()).isEmpty();
        ExchangeProvider one = registry.provider("libone");
        ExchangeProvider two = registry.provider("libtwo");
        assertThat(one.version()).isEqualTo("lib-A");
        assertThat(two.version()).isEqualTo("lib-B");
        ClassLoader core = PluginRegistry.class.getClassLoader();
        assertThat(one.getClass().getClassLoader()).isNotSameAs(core).isNotSameAs(two.getClass().getClassLoader());
        assertThat(two.getClass().getClassLoader()).isNotSameAs(core);
        assertThat(one.getClass().getClassLoader().getParent()).isSameAs(core);
    }

    @Test
    @DisplayName("providers on the class path of a given loader are found, with their jar as source")
    void classPathDiscovery() throws IOException {
        Path jar = providerJar(build.resolve("classpath/delta.jar"), classes, "p.delta.DeltaProvider");
        try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()},
                PluginRegistry.class.getClassLoader())) {

            PluginRegistry registry = PluginRegistry.discover(loader);

            assertThat(registry.failures()).isEmpty();
            assertThat(registry.ids()).containsExactly("delta");
            assertThat(registry.plugins()).singleElement()
                    .satisfies(info -> assertThat(info.source()).isEqualTo(jar.toString()));
            assertThat(registry.provider("delta").getClass().getClassLoader()).isSameAs(loader);
        }
    }

    @Test
    @DisplayName("a broken class-path provider is reported with the jar whose services file lists it")
    void brokenClassPathProvider() throws IOException {
        Path good = providerJar(build.resolve("classpath-broken/good.jar"), classes, "p.good.GoodProvider");
        Path listsMissing = jar(build.resolve("classpath-broken/lists-missing.jar"), classes, List.of(),
                List.of("p.missing.AbsentProvider"));
        Path broken = providerJar(build.resolve("classpath-broken/broken.jar"), classes, "p.broken.BrokenProvider");
        Path extending = providerJar(build.resolve("classpath-broken/extending.jar"), classes,
                "p.extending.ExtendingProvider");
        try (URLClassLoader loader = new URLClassLoader(new URL[] {listsMissing.toUri().toURL(),
                broken.toUri().toURL(), extending.toUri().toURL(), good.toUri().toURL()},
                PluginRegistry.class.getClassLoader())) {

            PluginRegistry registry = PluginRegistry.discover(loader);

            assertThat(registry.ids()).containsExactly("good");
            assertThat(registry.failures()).extracting(PluginFailure::source)
                    .containsExactly(listsMissing.toString(), broken.toString(), extending.toString());
            assertThat(registry.failures().get(0).reason()).contains("p.missing.AbsentProvider not found");
            assertThat(registry.failures().get(2).reason())
                    .contains("cannot load provider p.extending.ExtendingProvider", "NoClassDefFoundError");
        }
    }

    @Test
    @DisplayName("a class-path provider is counted once even though every plugin loader delegates to the class path")
    void classPathProviderCountedOnce() throws IOException {
        Path delta = providerJar(build.resolve("classpath-once/delta.jar"), classes, "p.delta.DeltaProvider");
        providerJar(plugins.resolve("alpha/alpha.jar"), classes, "p.alpha.AlphaProvider");
        providerJar(plugins.resolve("beta.jar"), classes, "p.beta.BetaProvider");
        try (URLClassLoader loader = new URLClassLoader(new URL[] {delta.toUri().toURL()},
                PluginRegistry.class.getClassLoader())) {

            PluginRegistry registry = PluginRegistry.builder().classLoader(loader).pluginsDirectory(plugins).build();

            assertThat(registry.failures()).isEmpty();
            assertThat(registry.plugins()).extracting(PluginInfo::id, PluginInfo::source).containsExactly(
                    tuple("alpha", plugins.resolve("alpha").toString()),
                    tuple("beta", plugins.resolve("beta.jar").toString()),
                    tuple("delta", delta.toString()));
            assertThat(registry.provider("alpha").getClass().getClassLoader().getParent()).isSameAs(loader);
        }
    }

    @Test
    @DisplayName("the same provider jar on the class path and in plugins is a duplicate naming both copies")
    void sameJarTwice() throws IOException {
        Path onClassPath = providerJar(build.resolve("classpath-twice/delta.jar"), classes, "p.delta.DeltaProvider");
        Path inPlugins = Files.copy(onClassPath, plugins.resolve("delta.jar"));
        try (URLClassLoader loader = new URLClassLoader(new URL[] {onClassPath.toUri().toURL()},
                PluginRegistry.class.getClassLoader())) {

            PluginRegistry registry = PluginRegistry.builder().classLoader(loader).pluginsDirectory(plugins).build();

            assertThatThrownBy(() -> registry.provider("delta"))
                    .hasMessageContaining(onClassPath.toString())
                    .hasMessageContaining(inPlugins.toString());
            PluginRegistry pinned = PluginRegistry.builder().classLoader(loader).pluginsDirectory(plugins)
                    .pin("delta", inPlugins.toString()).build();
            assertThat(pinned.provider("delta").getClass().getClassLoader()).isNotSameAs(loader);
        }
    }

    @Test
    @DisplayName("an empty plugin folder, a jar without a provider and a missing directory are reported")
    void unusableEntries() throws IOException {
        Files.createDirectories(plugins.resolve("empty"));
        Path library = jar(plugins.resolve("just-a-library.jar"), classes, List.of("lib"), List.of());
        Files.writeString(plugins.resolve("README.txt"), "not a plugin");
        Path missing = plugins.resolve("no-such-directory");

        PluginRegistry registry = PluginRegistry.builder().pluginsDirectory(plugins).pluginsDirectory(missing).build();

        assertThat(registry.ids()).isEmpty();
        assertThat(registry.failures()).containsExactly(
                new PluginFailure(plugins.resolve("empty").toString(), "plugin folder contains no jar"),
                new PluginFailure(library.toString(), "provides no exchange: its jars list no provider class of their"
                        + " own in " + PluginJars.SERVICES),
                new PluginFailure(missing.toString(), "plugins directory does not exist or is not a directory"));
    }

    @Test
    @DisplayName("providers are created once and the registry's lists cannot be changed")
    void createdOnceAndImmutable() throws IOException {
        providerJar(plugins.resolve("alpha.jar"), classes, "p.alpha.AlphaProvider");

        PluginRegistry registry = PluginRegistry.builder().pluginsDirectory(plugins).build();

        assertThat(registry.provider("alpha")).isSameAs(registry.provider("alpha"));
        assertThatThrownBy(() -> registry.ids().add("x")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> registry.plugins().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> registry.failures().clear()).isInstanceOf(UnsupportedOperationException.class);
    }
}
