package dev.pricefeed.spi.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class NameTableTest {

    @Test
    void everyNameIsFoundAtItsIndexFromAStringOrFromCharacters() {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            names.add("k" + i);
        }
        // names with the same String hash code ("Aa" and "BB") share a slot chain
        names.add("Aa");
        names.add("BB");
        names.add("");
        NameTable table = NameTable.of(names.toArray(String[]::new));
        assertThat(table.size()).isEqualTo(names.size());
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            char[] chars = ("[" + name + "]").toCharArray();
            assertThat(table.indexOf(name)).as(name).isEqualTo(i);
            assertThat(table.indexOf(chars, 1, chars.length - 1)).as(name).isEqualTo(i);
            assertThat(table.name(i)).isEqualTo(name);
        }
    }

    @Test
    void otherTextIsNotFound() {
        NameTable table = NameTable.of("price", "size", "Aa");
        for (String other : new String[] {"pric", "prices", "Price", "BB", "", "zize"}) {
            char[] chars = other.toCharArray();
            assertThat(table.indexOf(other)).as(other).isEqualTo(-1);
            assertThat(table.indexOf(chars, 0, chars.length)).as(other).isEqualTo(-1);
        }
        assertThat(table.indexOf((String) null)).isEqualTo(-1);
    }

    @Test
    void aNameListedTwiceIsRefused() {
        assertThatThrownBy(() -> NameTable.of("a", "b", "a")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'a'");
    }
}
