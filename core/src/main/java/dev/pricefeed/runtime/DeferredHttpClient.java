package dev.pricefeed.runtime;

import java.io.IOException;
import java.net.Authenticator;
import java.net.CookieHandler;
import java.net.ProxySelector;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;

/**
 * The HTTP client handed to connectors: it asks for the shared client only when a request is made, so building a
 * feed starts no HTTP thread; after the runtime stopped, a request fails with an {@link IOException} instead of
 * starting a client nobody would stop. Requests are tracked so that stopping the runtime fails those still waiting
 * (a stopped JDK client would leave them waiting for ever).
 */
final class DeferredHttpClient extends HttpClient {

    private final Supplier<HttpClient> client;
    private final Set<CompletableFuture<?>> inFlight;

    /**
     * @param client the shared client, built on first use; throws {@link IllegalStateException} once stopped
     * @param inFlight where requests waiting for an answer are kept, for the runtime to fail when it stops
     */
    DeferredHttpClient(Supplier<HttpClient> client, Set<CompletableFuture<?>> inFlight) {
        this.client = client;
        this.inFlight = inFlight;
    }

    private HttpClient client() {
        return client.get();
    }

    @Override
    public <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler)
            throws IOException, InterruptedException {
        CompletableFuture<HttpResponse<T>> answer = sendAsync(request, handler);
        try {
            return answer.get();
        } catch (InterruptedException e) {
            answer.cancel(true);
            throw e;
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                throw io;
            }
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IOException(ErrorText.describe(cause), cause);
        }
    }

    @Override
    public <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request,
            HttpResponse.BodyHandler<T> handler) {
        try {
            return tracked(client().sendAsync(request, handler));
        } catch (IllegalStateException e) {
            return CompletableFuture.failedFuture(new IOException(e.getMessage(), e));
        }
    }

    @Override
    public <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request,
            HttpResponse.BodyHandler<T> handler, HttpResponse.PushPromiseHandler<T> push) {
        try {
            return tracked(client().sendAsync(request, handler, push));
        } catch (IllegalStateException e) {
            return CompletableFuture.failedFuture(new IOException(e.getMessage(), e));
        }
    }

    private <T> CompletableFuture<T> tracked(CompletableFuture<T> answer) {
        inFlight.add(answer);
        answer.whenComplete((result, error) -> inFlight.remove(answer));
        return answer;
    }

    @Override
    public WebSocket.Builder newWebSocketBuilder() {
        return client().newWebSocketBuilder();
    }

    @Override
    public Optional<CookieHandler> cookieHandler() {
        return Optional.empty();
    }

    @Override
    public Optional<Duration> connectTimeout() {
        return Optional.of(Duration.ofSeconds(5));
    }

    @Override
    public Redirect followRedirects() {
        return Redirect.NORMAL;
    }

    @Override
    public Optional<ProxySelector> proxy() {
        return Optional.empty();
    }

    @Override
    public SSLContext sslContext() {
        return client().sslContext();
    }

    @Override
    public SSLParameters sslParameters() {
        return client().sslParameters();
    }

    @Override
    public Optional<Authenticator> authenticator() {
        return Optional.empty();
    }

    @Override
    public Version version() {
        return Version.HTTP_1_1;
    }

    @Override
    public Optional<Executor> executor() {
        return client().executor();
    }
}
