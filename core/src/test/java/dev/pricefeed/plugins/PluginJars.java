package dev.pricefeed.plugins;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/** Builds tiny plugin jars while a test runs: compiles sources against the test class path and packages them. */
final class PluginJars {

    static final String SERVICES = "META-INF/services/dev.pricefeed.spi.ExchangeProvider";

    private static final Pattern PACKAGE = Pattern.compile("package\\s+([\\w.]+)\\s*;");
    private static final Pattern CLASS = Pattern.compile("public\\s+(?:(?:final|abstract)\\s+)?class\\s+(\\w+)");

    private PluginJars() {
    }

    /** The source of a provider whose version and SPI version are Java expressions and whose constructor runs a body. */
    static String provider(String className, String id, String versionExpression, String spiVersionExpression,
            String constructorBody) {
        int dot = className.lastIndexOf('.');
        return "package " + className.substring(0, dot) + ";\n"
                + "import dev.pricefeed.spi.*;\n"
                + "import java.util.Set;\n"
                + "public final class " + className.substring(dot + 1) + " implements ExchangeProvider {\n"
                + "  public " + className.substring(dot + 1) + "() { " + constructorBody + " }\n"
                + "  public String id() { return " + id + "; }\n"
                + "  public String version() { return " + versionExpression + "; }\n"
                + "  public String spiVersion() { return " + spiVersionExpression + "; }\n"
                + "  public Set<Capability> capabilities() { return Set.of(Capability.TICKER, Capability.TRADES); }\n"
                + "  public ExchangeConnector create(ExchangeContext context) {\n"
                + "    throw new UnsupportedOperationException(\"test provider\");\n"
                + "  }\n"
                + "}\n";
    }

    /** A well-behaved provider of {@code id} at version 1.0.0 built for this SPI. */
    static String provider(String className, String id) {
        return provider(className, '"' + id + '"', "\"1.0.0\"", "Spi.VERSION", "");
    }

    /** Compiles sources into a new folder under {@code work} against the test class path and extra jars or folders. */
    static Path compile(Path work, String folderName, List<String> sources, Path... classPath) throws IOException {
        Path src = Files.createDirectories(work.resolve(folderName + "-src"));
        Path out = Files.createDirectories(work.resolve(folderName + "-classes"));
        List<String> arguments = new ArrayList<>(List.of("--release", "17", "-proc:none", "-d", out.toString(),
                "-classpath", classPath(classPath)));
        for (String source : sources) {
            Path file = src.resolve(packageOf(source).replace('.', '/')).resolve(classOf(source) + ".java");
            Files.createDirectories(file.getParent());
            Files.writeString(file, source, StandardCharsets.UTF_8);
            arguments.add(file.toString());
        }
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        ByteArrayOutputStream messages = new ByteArrayOutputStream();
        int status = compiler.run(null, messages, messages, arguments.toArray(String[]::new));
        assertThat(status).as("javac of %s: %s", folderName, messages.toString(StandardCharsets.UTF_8)).isZero();
        return out;
    }

    /**
     * Packages the classes of some packages into a jar, with a services file listing {@code providers} when given.
     */
    static Path jar(Path jarFile, Path classes, List<String> packages, List<String> providers) throws IOException {
        Files.createDirectories(jarFile.getParent());
        try (OutputStream file = Files.newOutputStream(jarFile); JarOutputStream jar = new JarOutputStream(file)) {
            for (String packageName : packages) {
                Path folder = classes.resolve(packageName.replace('.', '/'));
                List<Path> classFiles;
                try (Stream<Path> listing = Files.list(folder)) {
                    classFiles = listing.filter(p -> p.toString().endsWith(".class")).sorted().toList();
                }
                for (Path classFile : classFiles) {
                    jar.putNextEntry(new JarEntry(classes.relativize(classFile).toString().replace('\\', '/')));
                    jar.write(Files.readAllBytes(classFile));
                    jar.closeEntry();
                }
            }
            if (!providers.isEmpty()) {
                jar.putNextEntry(new JarEntry(SERVICES));
                jar.write(("# test providers\n" + String.join("\n", providers) + "\n").getBytes(StandardCharsets.UTF_8));
                jar.closeEntry();
            }
        }
        return jarFile;
    }

    /** A jar holding one provider class (its whole package) and listing it as the provider. */
    static Path providerJar(Path jarFile, Path classes, String providerClass) throws IOException {
        return jar(jarFile, classes, List.of(packageOf(providerClass)), List.of(providerClass));
    }

    static String packageOf(String sourceOrClassName) {
        Matcher matcher = PACKAGE.matcher(sourceOrClassName);
        if (matcher.find()) {
            return matcher.group(1);
        }
        return sourceOrClassName.substring(0, sourceOrClassName.lastIndexOf('.'));
    }

    private static String classOf(String source) {
        Matcher matcher = CLASS.matcher(source);
        assertThat(matcher.find()).as("class name in %s", source).isTrue();
        return matcher.group(1);
    }

    private static String classPath(Path... extra) {
        StringBuilder path = new StringBuilder(System.getProperty("java.class.path"));
        for (Path entry : extra) {
            path.append(File.pathSeparatorChar).append(entry);
        }
        return path.toString();
    }
}
