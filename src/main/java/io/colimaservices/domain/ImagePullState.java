package io.colimaservices.domain;

/** Where one image of a pull run is. */
public enum ImagePullState {
    /** Waiting for a free slot: a run pulls a few images at a time. */
    QUEUED("queued", false),
    /** Asking the engine whether it already has the image. */
    CHECKING("checking", false),
    PULLING("pulling", false),
    /** An attempt broke; the next starts after a delay. */
    RETRYING("retrying", false),
    PULLED("pulled", true),
    /** The engine had it already: nothing pulled. */
    PRESENT("already present", true),
    FAILED("failed", true),
    CANCELLED("cancelled", true);

    private final String label;
    private final boolean finished;

    ImagePullState(String label, boolean finished) {
        this.label = label;
        this.finished = finished;
    }

    public String label() {
        return label;
    }

    public boolean finished() {
        return finished;
    }
}
