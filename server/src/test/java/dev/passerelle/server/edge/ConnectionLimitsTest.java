package dev.passerelle.server.edge;

import static org.assertj.core.api.Assertions.assertThat;

import dev.passerelle.server.support.IntegrationTest;
import dev.passerelle.server.support.TestApi;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Slow clients (slow-loris) over the loopback: connections that send nothing are closed by the
 * server after its read timeout, and while hundreds of connections trickle header lines the
 * server keeps answering its health check. Bounds are generous: nothing here is a timing
 * measurement, only "answers" versus "hangs".
 */
@IntegrationTest
class ConnectionLimitsTest {

    static final int TRICKLERS = 300;
    static final Duration GENEROUS = Duration.ofSeconds(30);

    @Autowired
    TestApi api;

    final List<Socket> held = new ArrayList<>();

    @AfterEach
    void closeEverything() throws IOException {
        for (Socket socket : held) {
            socket.close();
        }
    }

    @Test
    void anIdleConnectionIsClosedByTheServerAfterItsReadTimeout() throws IOException {
        Socket idle = open();
        idle.setSoTimeout(Math.toIntExact(GENEROUS.toMillis()));

        int read;
        try (InputStream in = idle.getInputStream()) {
            read = in.read();
        } catch (SocketTimeoutException e) {
            throw new AssertionError("the server kept an idle connection open for " + GENEROUS, e);
        }

        assertThat(read).as("end of stream: the server closed the connection").isEqualTo(-1);
    }

    @Test
    void healthAnswersWhileHundredsOfConnectionsTrickleHeaders() throws IOException {
        for (int i = 0; i < TRICKLERS; i++) {
            Socket socket = open();
            socket.getOutputStream().write("GET /2.0/connectors HTTP/1.1\r\nHost: localhost\r\n"
                    .getBytes(StandardCharsets.US_ASCII));
        }
        for (int round = 0; round < 3; round++) {
            for (Socket socket : held) {
                trickle(socket, "X-Slow-" + round + ": a\r\n");
            }

            TestApi.Response health = api.get("/actuator/health").send();

            assertThat(health.status()).isEqualTo(200);
            assertThat(health.json().get("status").asString()).isEqualTo("UP");
        }
    }

    private Socket open() throws IOException {
        URI base = URI.create(api.base());
        Socket socket = new Socket(base.getHost(), base.getPort());
        held.add(socket);
        return socket;
    }

    /** One more header line; a connection the server already dropped is fine. */
    private static void trickle(Socket socket, String line) {
        try {
            OutputStream out = socket.getOutputStream();
            out.write(line.getBytes(StandardCharsets.US_ASCII));
            out.flush();
        } catch (IOException e) {
            // closed by the server: what a timeout is for
        }
    }
}
