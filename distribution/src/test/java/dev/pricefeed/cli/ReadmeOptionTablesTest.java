package dev.pricefeed.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pricefeed.spi.ExchangeProvider;
import dev.pricefeed.spi.OptionSpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The README's option table of each exchange says what its plugin declares: keys, values, defaults, meanings. */
class ReadmeOptionTablesTest {

    /** An exchange's section starts with a heading such as {@code ### Kraken (`kraken`)}. */
    private static final Pattern EXCHANGE_HEADING = Pattern.compile("^### .*\\(`([a-z0-9-]+)`\\)\\s*$");

    @Test
    @DisplayName("each exchange's Options table in README.md matches the options its plugin declares")
    void tablesMatchDeclarations() throws IOException {
        Map<String, List<List<String>>> tables = optionTables(Path.of("..", "README.md"));
        List<ExchangeProvider> providers = ServiceLoader.load(ExchangeProvider.class).stream()
                .map(ServiceLoader.Provider::get).toList();
        assertThat(providers).extracting(ExchangeProvider::id)
                .containsExactlyInAnyOrder("kraken", "binance", "kucoin", "coinbase");
        for (ExchangeProvider provider : providers) {
            List<List<String>> expected = new ArrayList<>();
            for (OptionSpec option : provider.options()) {
                expected.add(List.of(option.key(), option.accepts(), option.defaultValue(), option.description()));
            }
            assertThat(tables.get(provider.id())).as("README options table of " + provider.id())
                    .isEqualTo(expected);
        }
    }

    /** The rows (key, values, default, meaning) of the table under "#### Options" in each exchange's section. */
    static Map<String, List<List<String>>> optionTables(Path readme) throws IOException {
        Map<String, List<List<String>>> tables = new LinkedHashMap<>();
        String exchange = null;
        boolean inOptions = false;
        int tableLine = 0;
        for (String line : Files.readAllLines(readme, StandardCharsets.UTF_8)) {
            Matcher heading = EXCHANGE_HEADING.matcher(line);
            if (heading.matches()) {
                exchange = heading.group(1);
                inOptions = false;
            } else if (line.startsWith("#")) {
                inOptions = exchange != null && line.equals("#### Options");
                tableLine = 0;
                if (line.startsWith("## ") || line.startsWith("### ")) {
                    exchange = null;
                }
            } else if (inOptions && line.startsWith("|")) {
                tableLine++;
                // the first line is the header, the second the separator
                if (tableLine > 2) {
                    tables.computeIfAbsent(exchange, e -> new ArrayList<>()).add(cells(line));
                }
            }
        }
        return tables;
    }

    private static List<String> cells(String row) {
        String inner = row.substring(1, row.lastIndexOf('|'));
        List<String> cells = new ArrayList<>();
        for (String cell : inner.split("\\|")) {
            cells.add(cell.trim().replace("`", ""));
        }
        return cells;
    }
}
