package org.medgemmahub.simulator;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.medgemmahub.support.FreePorts;

class SimulatorCommandTest {

    @Test
    void servesTheSimulatorOnTheGivenPortUntilStopped() throws Exception {
        int port = FreePorts.next();
        SimulatorCommand command = new SimulatorCommand();
        CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> {
            try {
                return command.run("--port", String.valueOf(port), "--model-id", "cli-model");
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        await().atMost(10, SECONDS).until(() -> command.baseUrl() != null);

        HttpResponse<String> info = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/info")).build(),
                HttpResponse.BodyHandlers.ofString());
        command.stop();

        assertThat(info.body()).contains("\"model_id\":\"cli-model\"");
        assertThat(exit.get(10, SECONDS)).isZero();
        assertThat(command.baseUrl()).as("stopped").isNull();
    }

    @Test
    void answersExitCode2ForAnUnknownOption() throws Exception {
        assertThat(new SimulatorCommand().run("--colour", "blue")).isEqualTo(2);
    }
}
