package dev.pricefeed.spi;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The SPI package holds contracts a plugin implements or receives, not helpers. */
class SpiPackageTest {

    @Test
    @DisplayName("every type in dev.pricefeed.spi is an interface, a record, an enum or an exception (plus Spi)")
    void spiHoldsContractsOnly() throws IOException, URISyntaxException, ClassNotFoundException {
        Path folder = Path.of(Spi.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                .resolve("dev/pricefeed/spi");
        List<String> helpers = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String name = file.getFileName().toString().replace(".class", "");
                if (name.contains("$") || name.equals("package-info")) {
                    continue;
                }
                Class<?> type = Class.forName("dev.pricefeed.spi." + name);
                boolean contract = type.isInterface() || type.isRecord() || type.isEnum()
                        || Throwable.class.isAssignableFrom(type) || type == Spi.class;
                if (!contract || !Modifier.isPublic(type.getModifiers())) {
                    helpers.add(name);
                }
            }
        }
        assertThat(helpers).isEmpty();
        assertThat(Spi.MAJOR).isEqualTo(2);
    }
}
