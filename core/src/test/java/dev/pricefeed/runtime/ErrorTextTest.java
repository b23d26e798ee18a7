package dev.pricefeed.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ErrorTextTest {

    private static final URI KRAKEN = URI.create("wss://ws.kraken.com/v2?token=SECRET");

    @Test
    @DisplayName("an unresolved host says so and asks about the network, wherever it sits in the causes")
    void unresolvedHost() {
        IOException tyrus = new IOException("cannot open wss://ws.kraken.com/v2: Connection failed.",
                new IllegalStateException("Connection failed.", new UnresolvedAddressException()));
        assertThat(ErrorText.plain(tyrus, KRAKEN)).isEqualTo("cannot resolve ws.kraken.com — is the network up?");
        assertThat(ErrorText.plain(new UnknownHostException("api.kucoin.com"), null))
                .isEqualTo("cannot resolve api.kucoin.com — is the network up?");
    }

    @Test
    @DisplayName("a refused connection names host and port (the default port of the scheme when none is given)")
    void refused() {
        IOException failed = new IOException("Connection failed.", new ConnectException("Connection refused"));
        assertThat(ErrorText.plain(failed, URI.create("ws://127.0.0.1:9999/ws")))
                .isEqualTo("connection refused by 127.0.0.1:9999");
        assertThat(ErrorText.plain(failed, KRAKEN)).isEqualTo("connection refused by ws.kraken.com:443");
    }

    @Test
    @DisplayName("a connect timeout is not called a refusal")
    void timeout() {
        assertThat(ErrorText.plain(new HttpConnectTimeoutException("HTTP connect timed out"),
                URI.create("https://api.binance.com/api"))).isEqualTo("api.binance.com:443 did not answer in time");
    }

    @Test
    @DisplayName("anything else keeps its own words, and the URI's query never shows")
    void otherErrors() {
        String text = ErrorText.plain(new IOException("HTTP 503 from /bullet-public"), KRAKEN);
        assertThat(text).isEqualTo("HTTP 503 from /bullet-public").doesNotContain("SECRET");
        assertThat(ErrorText.describe(new ConnectException())).isEqualTo("ConnectException");
    }

    @Test
    @DisplayName("a certificate out of its dates says so, wherever the client put it among the causes")
    void expiredCertificate() {
        IOException tyrus = new IOException("cannot open wss://ws.kraken.com/v2: SSL handshake has failed",
                new javax.net.ssl.SSLHandshakeException("PKIX path validation failed"));
        tyrus.getCause().initCause(new java.security.cert.CertificateExpiredException("NotAfter: Tue Jan 01 2030"));
        assertThat(ErrorText.plain(tyrus, KRAKEN)).isEqualTo("the TLS certificate of ws.kraken.com is out of its "
                + "validity dates (NotAfter: Tue Jan 01 2030) — check this machine's clock");
    }
}
