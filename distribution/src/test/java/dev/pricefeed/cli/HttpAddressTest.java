package dev.pricefeed.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class HttpAddressTest {

    @Test
    void aPortAloneListensOnLoopbackOnly() {
        assertThat(HttpAddress.parse("8080")).isEqualTo(new HttpAddress("127.0.0.1", 8080));
        assertThat(HttpAddress.parse("0").port()).isZero();
    }

    @Test
    void aHostIsTakenAsWritten() {
        assertThat(HttpAddress.parse("0.0.0.0:9090")).isEqualTo(new HttpAddress("0.0.0.0", 9090));
        assertThat(HttpAddress.parse("localhost:80")).isEqualTo(new HttpAddress("localhost", 80));
        assertThat(HttpAddress.parse("[::1]:8080")).isEqualTo(new HttpAddress("::1", 8080));
        assertThat(HttpAddress.parse("[::1]:8080")).hasToString("[::1]:8080");
    }

    @Test
    void malformedAddressesAreUsageErrorsThatSayWhatToWrite() {
        assertThatThrownBy(() -> HttpAddress.parse("abc")).isInstanceOf(UsageError.class)
                .hasMessageContaining("[HOST:]PORT");
        assertThatThrownBy(() -> HttpAddress.parse("70000")).isInstanceOf(UsageError.class)
                .hasMessageContaining("between 0 and 65535");
        assertThatThrownBy(() -> HttpAddress.parse("::1:8080")).isInstanceOf(UsageError.class)
                .hasMessageContaining("brackets");
        assertThatThrownBy(() -> HttpAddress.parse(":8080")).isInstanceOf(UsageError.class)
                .hasMessageContaining("no host");
    }
}
