package dev.pricefeed.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * The test-only certificates under {@code dev/pricefeed/runtime/tls} (see the README there): a server's for
 * 127.0.0.1 and localhost, one for another host name, and a trust store that trusts both.
 */
public final class TestCertificates {

    /** The certificate for 127.0.0.1 and localhost. */
    public static final String LOCALHOST = "localhost";
    /** A certificate for elsewhere.example only: refused when served on 127.0.0.1. */
    public static final String ELSEWHERE = "elsewhere";
    /** The test fixtures' password (not a secret: these files serve tests on 127.0.0.1 only). */
    private static final char[] PASSWORD = "changeit".toCharArray();

    private TestCertificates() {
    }

    /** A client context that trusts both test certificates (and nothing else). */
    public static SSLContext trusting() {
        return context(null);
    }

    /**
     * A client context that trusts both test certificates and presents one as its own client certificate (the
     * {@link #ELSEWHERE} one, which a server asking for client certificates trusts).
     */
    public static SSLContext trustingWithClientCertificate() {
        return context(ELSEWHERE);
    }

    /** A context trusting both test certificates that presents {@code certificate}, or no certificate when null. */
    static SSLContext context(String certificate) {
        try {
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(load("trusted"));
            KeyManagerFactory keys = null;
            if (certificate != null) {
                keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
                keys.init(load(certificate), PASSWORD);
            }
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys == null ? null : keys.getKeyManagers(), trust.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot load the test key stores", e);
        }
    }

    private static KeyStore load(String name) throws GeneralSecurityException, IOException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = TestCertificates.class.getResourceAsStream("tls/" + name + ".p12")) {
            if (in == null) {
                throw new IOException("no test key store tls/" + name + ".p12");
            }
            store.load(in, PASSWORD);
        }
        return store;
    }
}
