package dev.pricefeed.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class IndicatorSpecTest {

    @Test
    void namesParseToKindsAndPeriods() {
        assertThat(IndicatorSpec.parseList("sma20, EMA20,rsi14,atr14,bb20,macd,vwap,vwap30,sma20")).containsExactly(
                new IndicatorSpec("sma20", IndicatorSpec.Kind.SMA, 20),
                new IndicatorSpec("ema20", IndicatorSpec.Kind.EMA, 20),
                new IndicatorSpec("rsi14", IndicatorSpec.Kind.RSI, 14),
                new IndicatorSpec("atr14", IndicatorSpec.Kind.ATR, 14),
                new IndicatorSpec("bb20", IndicatorSpec.Kind.BOLLINGER, 20),
                new IndicatorSpec("macd", IndicatorSpec.Kind.MACD, 26),
                new IndicatorSpec("vwap", IndicatorSpec.Kind.VWAP, 0),
                new IndicatorSpec("vwap30", IndicatorSpec.Kind.VWAP, 30));
    }

    @Test
    void bollingerAndMacdGiveThreeValues() {
        assertThat(IndicatorSpec.parse("bb20").outputs()).containsExactly("bb20.upper", "bb20.middle", "bb20.lower");
        assertThat(IndicatorSpec.parse("macd").outputs()).containsExactly("macd", "macd.signal", "macd.histogram");
    }

    @Test
    void everyBadNameIsListedWithWhatIsAccepted() {
        assertThatThrownBy(() -> IndicatorSpec.parseList("sma20,stoch14,rsi,macd9,sma0,ema5000"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown indicator 'stoch14'; use sma<N>, ema<N>, rsi<N>, atr<N>, bb<N>, macd")
                .hasMessageContaining("indicator 'rsi' needs a number of candles, such as rsi14")
                .hasMessageContaining("macd takes no number")
                .hasMessageContaining("indicator 'sma0': the number of candles must be between 1 and 1000")
                .hasMessageContaining("indicator 'ema5000'");
    }
}
