package dev.pricefeed.testkit.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.pricefeed.testkit.EmulatorConnection;
import dev.pricefeed.testkit.EmulatorHandler;
import dev.pricefeed.testkit.EmulatorServer;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class EmulatorLifecycleTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @Test
    @DisplayName("the server listens on the loopback address only, on an ephemeral port")
    void boundToLoopbackOnly() {
        try (EmulatorServer server = EmulatorServer.start(new EmulatorHandler() { })) {
            assertThat(server.localAddress().getAddress().isLoopbackAddress()).isTrue();
            assertThat(server.localAddress().getAddress().isAnyLocalAddress()).isFalse();
            assertThat(server.port()).isPositive().isEqualTo(server.localAddress().getPort());
            assertThat(server.wsUri("/ws").toString()).isEqualTo("ws://127.0.0.1:" + server.port() + "/ws");
        }
    }

    @Test
    @DisplayName("close() ends connections, stops listening and stops every thread; a second close does nothing")
    void closeStopsEverything() throws Exception {
        CompletableFuture<EmulatorConnection> closed = new CompletableFuture<>();
        EmulatorServer server = EmulatorServer.start(new EmulatorHandler() {
            @Override
            public void onOpen(EmulatorConnection connection) {
                connection.every(Duration.ofMillis(10), () -> connection.send("heartbeat"));
            }

            @Override
            public void onClose(EmulatorConnection connection) {
                closed.complete(connection);
            }
        });
        int port = server.port();
        String threadPrefix = "emulator-" + port + "-";
        RecordingListener listener = new RecordingListener();
        RecordingListener.open(server.wsUri("/"), listener);
        EmulatorConnection connection = server.awaitConnection(1, WAIT);
        await().atMost(WAIT).until(() -> !listener.messages.isEmpty());

        server.close();
        server.close();

        assertThat(closed.get(10, TimeUnit.SECONDS)).isSameAs(connection);
        assertThat(connection.isOpen()).isFalse();
        assertThat(server.connections()).isEmpty();
        // The JDK client works through the frames it buffered before it sees the end: give a loaded machine time.
        await().atMost(Duration.ofSeconds(30)).until(() -> listener.error.isDone() || listener.closeCode.isDone());
        assertThatThrownBy(() -> new Socket(InetAddress.getLoopbackAddress(), port).close())
                .isInstanceOf(ConnectException.class);
        await().atMost(WAIT).untilAsserted(() -> assertThat(Thread.getAllStackTraces().keySet())
                .noneMatch(thread -> thread.getName().startsWith(threadPrefix)));
    }
}
