package org.medgemmahub.simulator;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A stand-in MedGemma server for tests and the demo, reached over HTTP only. It speaks Vertex AI ({@code ...:predict}), TGI ({@code /generate},
 * {@code /}, {@code /health}, {@code /info}) and the vLLM flavour of the OpenAI API ({@code /v1/chat/completions},
 * {@code /v1/models}), answers with deterministic findings marked {@code "simulated": true} and the header
 * {@code X-MedGemma-Simulator: true}, and misbehaves on request through {@code /control}.
 */
public final class MedGemmaSimulator {
    /** Well above the hub's usual concurrency limit, so a broken limit shows in {@code maxInFlight}. */
    static final int WORKER_THREADS = 32;

    static {
        // The JDK server writes headers and body separately; with Nagle on, the client's delayed ACK holds the body
        // back ~40 ms per answer, which would make the simulated latency L read as L + 40 ms. Read once per JVM.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    private final SimulatorSettings settings;
    private final SimulatorControl control;
    private HttpServer server;
    private ExecutorService workers;

    public MedGemmaSimulator(SimulatorSettings settings) {
        this.settings = settings;
        this.control = new SimulatorControl(settings.behaviour());
    }

    /** Binds and starts serving; the cold-start window begins now. */
    public synchronized void start() {
        if (server != null)
            throw new IllegalStateException("the simulator is already running on port " + port());
        try {
            var address = new InetSocketAddress(InetAddress.getByName(settings.bindAddress()), settings.port());
            server = HttpServer.create(address, 0);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot bind the MedGemma simulator to "
                    + settings.bindAddress() + ":" + settings.port(), e);
        }
        var gate = new GenerationGate(control, settings.apiKey());
        var openAi = new OpenAiHandler(control, gate, settings.modelId());
        server.createContext("/", new SimulatorRouter(
                new TgiHandler(control, gate, settings.modelId()),
                openAi,
                new VertexHandler(control, gate, openAi, settings.modelId()),
                new ControlHandler(control, settings)));
        workers = Executors.newFixedThreadPool(WORKER_THREADS, workerThreads());
        server.setExecutor(workers);
        control.started();
        server.start();
    }

    /** Stops listening at once; answers still being written are cut off. Safe to call when not running. */
    public synchronized void stop() {
        if (server == null)
            return;
        server.stop(0);
        workers.shutdownNow();
        server = null;
        workers = null;
    }

    /** The port actually bound, also when the settings asked for 0. */
    public synchronized int port() {
        if (server == null)
            throw new IllegalStateException("the simulator is not running");
        return server.getAddress().getPort();
    }

    /** {@code http://host:port} without a trailing slash; a wildcard bind address is reached through loopback. */
    public synchronized String baseUrl() {
        InetAddress address = server == null ? null : server.getAddress().getAddress();
        if (address == null)
            throw new IllegalStateException("the simulator is not running");
        String host = address.isAnyLocalAddress() ? "127.0.0.1" : address.getHostAddress();
        if (address instanceof Inet6Address && !address.isAnyLocalAddress())
            host = "[" + host + "]";
        return "http://" + host + ":" + port();
    }

    private static ThreadFactory workerThreads() {
        var counter = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, "medgemma-simulator-" + counter.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
