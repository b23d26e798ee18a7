package dev.pricefeed.spi;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SpiContractsTest {

    @Test
    void credentialsNeverShowTheSecret() {
        Credentials credentials = new Credentials("ABCDEFGH", "very-secret-value");
        assertThat(credentials.toString()).doesNotContain("very-secret-value").doesNotContain("EFGH")
                .contains("ABCD***", "apiSecret=***");
    }

    @Test
    void spiMajorVersionIsReadFromTheVersionString() {
        assertThat(Spi.majorOf(Spi.VERSION)).isEqualTo(Spi.MAJOR);
        assertThat(Spi.majorOf("2.5")).isEqualTo(2);
        assertThat(Spi.majorOf("x")).isEqualTo(-1);
        assertThat(Spi.majorOf(null)).isEqualTo(-1);
    }
}
