package io.colimaservices.domain;

/** Where one layer of an image pull is, read from the engine's status messages. */
public enum LayerPhase {
    /** Known to the pull, not being downloaded yet (the engine downloads a few layers at a time). */
    WAITING("waiting"),
    DOWNLOADING("downloading"),
    /** The engine lost the registry connection and tries again by itself ("Retrying in 5 seconds"). */
    RETRYING("retrying"),
    VERIFYING("verifying"),
    DOWNLOADED("downloaded"),
    EXTRACTING("extracting"),
    DONE("done"),
    /** The engine already has this layer (shared with an image it holds): nothing to move. */
    EXISTS("already present");

    private final String label;

    LayerPhase(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Counts as finished for "layers done". */
    public boolean finished() {
        return this == DONE || this == EXISTS;
    }

    /** Moving bytes right now, worth a line of its own on a live display. */
    public boolean active() {
        return this == DOWNLOADING || this == RETRYING || this == VERIFYING || this == EXTRACTING;
    }
}
