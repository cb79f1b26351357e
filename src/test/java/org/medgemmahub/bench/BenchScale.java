package org.medgemmahub.bench;

/** How long each scenario runs: the full table, or the quick form CI runs. */
enum BenchScale {
    QUICK(1, 400, 200, 100),
    FULL(3, 3000, 2000, 1000);

    private final int runs;
    private final int mllpMessages;
    private final int modelRequests;
    private final int pacedMessages;

    BenchScale(int runs, int mllpMessages, int modelRequests, int pacedMessages) {
        this.runs = runs;
        this.mllpMessages = mllpMessages;
        this.modelRequests = modelRequests;
        this.pacedMessages = pacedMessages;
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
}
