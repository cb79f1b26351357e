package org.medgemmahub.bench;

/** How long each scenario runs: the full table, or the quick form CI runs. */
enum BenchScale {
    QUICK(1, 2000, 200, 400, 4000),
    FULL(3, 3000, 2000, 1000, 10000);

    private final int runs;
    private final int mllpMessages;
    private final int modelRequests;
    private final int pacedMessages;
    private final int warmUpMessages;

    BenchScale(int runs, int mllpMessages, int modelRequests, int pacedMessages, int warmUpMessages) {
        this.runs = runs;
        this.mllpMessages = mllpMessages;
        this.modelRequests = modelRequests;
        this.pacedMessages = pacedMessages;
        this.warmUpMessages = warmUpMessages;
    }

    int runs() {
        return runs;
    }

    int mllpMessages() {
        return mllpMessages;
    }

    int modelRequests() {
        return modelRequests;
    }

    int pacedMessages() {
        return pacedMessages;
    }

    /** Messages sent before MLLP figures are taken, so both servers are measured with their hot paths compiled. */
    int warmUpMessages() {
        return warmUpMessages;
    }
}
