package org.medgemmahub.simulator;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import org.medgemmahub.HubCommand;

/**
 * {@code simulator}: runs the MedGemma simulator alone (TGI, OpenAI and Vertex APIs, {@code /control}) until the
 * process is stopped, e.g. to point a hub, curl or another client at a misbehaving model server.
 */
public class SimulatorCommand implements HubCommand {
    private final CountDownLatch stop = new CountDownLatch(1);
    private volatile MedGemmaSimulator running;

    @Override
    public String usage() {
        return "[--port N] [--bind ADDR] [--api-key KEY] [--model-id ID] [--cold-start SECONDS] [--latency MILLIS]: "
                + "run the MedGemma simulator alone (simulated answers, not clinical)";
    }

    @Override
    public int run(String... args) throws Exception {
        SimulatorSettings settings = SimulatorSettings.loopbackEphemeral().withPort(8090);
        SimulatorBehaviour behaviour = settings.behaviour();
        String bind = settings.bindAddress();
        try {
            for (int i = 0; i < args.length; i++) {
                String value = i + 1 < args.length ? args[i + 1] : null;
                if (value == null) throw new IllegalArgumentException(args[i] + " needs a value");
                switch (args[i++]) {
                    case "--port" -> settings = settings.withPort(Integer.parseInt(value));
                    case "--bind" -> bind = value;
                    case "--api-key" -> settings = settings.withApiKey(value);
                    case "--model-id" -> settings = settings.withModelId(value);
                    case "--cold-start" -> behaviour = behaviour.withColdStart(Duration.ofSeconds(Long.parseLong(value)));
                    case "--latency" -> behaviour = behaviour.withLatency(Duration.ofMillis(Long.parseLong(value)));
                    default -> throw new IllegalArgumentException("unknown option " + args[i - 1]);
                }
            }
            settings = new SimulatorSettings(bind, settings.port(), settings.modelId(), settings.apiKey(), behaviour);
        } catch (IllegalArgumentException e) {
            System.err.println("simulator: " + e.getMessage());
            System.err.println("usage: simulator " + usage());
            return 2;
        }
        MedGemmaSimulator simulator = new MedGemmaSimulator(settings);
        simulator.start();
        running = simulator;
        Thread hook = new Thread(stop::countDown, "simulator-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        System.out.println("MedGemma SIMULATOR listening at " + simulator.baseUrl()
                + " (answers are simulated, not clinical; POST /control to make it misbehave)");
        try {
            stop.await();
        } finally {
            simulator.stop();
            running = null;
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the JVM is already stopping
            }
        }
        return 0;
    }

    /** The running simulator's base URL, or null before it listens (for tests). */
    String baseUrl() {
        MedGemmaSimulator simulator = running;
        return simulator == null ? null : simulator.baseUrl();
    }

    /** Ends {@link #run} as a stopped process would. */
    void stop() {
        stop.countDown();
    }
}
