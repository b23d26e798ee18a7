package dev.pricefeed.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class CloseReasonsTest {

    private static int utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }

    @Test
    @DisplayName("a short reason is kept as it is, null becomes empty")
    void shortReasonKept() {
        assertThat(CloseReasons.fit("feed closed")).isEqualTo("feed closed");
        assertThat(CloseReasons.fit(null)).isEmpty();
    }

    @Test
    @DisplayName("a long ASCII reason is cut to exactly 123 bytes")
    void longAsciiCut() {
        assertThat(CloseReasons.fit("x".repeat(500))).isEqualTo("x".repeat(123));
    }

    @Test
    @DisplayName("multi-byte characters are never split: the cut falls on a character boundary")
    void multiByteNeverSplit() {
        String twoByte = "ü".repeat(100); // 200 bytes
        assertThat(CloseReasons.fit(twoByte)).isEqualTo("ü".repeat(61));
        String threeByte = "€".repeat(50); // 150 bytes
        assertThat(CloseReasons.fit(threeByte)).isEqualTo("€".repeat(41));
        String emoji = "a" + "😀".repeat(40); // 1 + 160 bytes; each emoji is a surrogate pair
        String cut = CloseReasons.fit(emoji);
        assertThat(utf8(cut)).isLessThanOrEqualTo(123);
        assertThat(cut).isEqualTo("a" + "😀".repeat(30));
        assertThat(Character.isHighSurrogate(cut.charAt(cut.length() - 1))).isFalse();
    }

    @Test
    @DisplayName("the cut reason always fits, whatever the mix, including lone surrogates")
    void alwaysFits() {
        String mixed = ("aü€😀\uD800").repeat(40);
        assertThat(utf8(CloseReasons.fit(mixed))).isLessThanOrEqualTo(123);
    }

    @Test
    @DisplayName("who closed and why: our close, the server's close with the code's name, a lost connection")
    void describesWhoClosed() {
        assertThat(CloseReasons.describe(true, 1009, FrameLimit.describe(9_856_000)))
                .isEqualTo("closed by us: frame of 9.4 MB over the 8 MB limit");
        assertThat(CloseReasons.describe(false, 1001, ""))
                .isEqualTo("closed by the server (code 1001, going away)");
        assertThat(CloseReasons.describe(false, 1008, "token expired"))
                .isEqualTo("closed by the server (code 1008, policy violation: token expired)");
        assertThat(CloseReasons.describe(false, 1006, "Closed abnormally."))
                .isEqualTo("connection lost without a close frame (code 1006, abnormal closure: Closed abnormally.)");
    }

    @Test
    @DisplayName("the frame size is counted in UTF-8 bytes once a frame may be over the limit")
    void frameSizeInUtf8() {
        assertThat(FrameLimit.utf8BytesIfOver("abc")).isEqualTo(3);
        String big = "€".repeat(FrameLimit.MAX_FRAME_BYTES / 3 + 1);
        assertThat(FrameLimit.utf8BytesIfOver(big)).isEqualTo(3L * big.length()).isGreaterThan(FrameLimit.MAX_FRAME_BYTES);
    }
}
