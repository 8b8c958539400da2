package io.colimaservices.domain;

/**
 * Follows one layer through the engine's status messages (moby's texts, stable since Docker 1.10): "Pulling fs
 * layer", "Waiting", "Downloading" with bytes, "Retrying in N seconds", "Verifying Checksum", "Download complete",
 * "Extracting" with bytes, "Pull complete", "Already exists".
 *
 * <p>A download the engine resumes after losing the registry connection restarts its byte count: measured on
 * Docker 20.10, a 67,129,563-byte layer cut after 20 MB goes on as "Downloading 491,520 of 47,075,967", the total
 * being what is left. So the bytes done are {@code size - total + current}, which is right for a fresh download
 * too ({@code total == size}), and a download started over (a new pull after a broken one) simply counts from its
 * new start. Not thread-safe: its image's tracker guards it.
 */
final class LayerTracker {
    private final String id;
    private LayerPhase phase = LayerPhase.WAITING;
    private long size = -1;
    private long downloaded;
    private long extracted;
    private String status = "";

    LayerTracker(String id) {
        this.id = id;
    }

    void apply(String text, long current, long total) {
        status = text;
        if (text.startsWith("Retrying in")) {
            phase = LayerPhase.RETRYING;
            return;
        }
        switch (text) {
            case "Pulling fs layer", "Waiting" -> {
                if (!phase.finished()) {
                    phase = LayerPhase.WAITING;
                }
            }
            case "Downloading" -> {
                phase = LayerPhase.DOWNLOADING;
                if (total > 0) {
                    if (size < total) {
                        size = total;
                    }
                    downloaded = current < 0 ? downloaded : Math.min(size, size - total + current);
                }
            }
            case "Verifying Checksum", "Download complete" -> {
                phase = text.startsWith("Verifying") ? LayerPhase.VERIFYING : LayerPhase.DOWNLOADED;
                downloaded = Math.max(downloaded, size);
            }
            case "Extracting" -> {
                phase = LayerPhase.EXTRACTING;
                if (total > 0 && size < 0) {
                    size = total;
                }
                downloaded = Math.max(downloaded, size);
                extracted = current < 0 ? extracted : current;
            }
            case "Pull complete" -> {
                phase = LayerPhase.DONE;
                downloaded = Math.max(downloaded, size);
                extracted = Math.max(extracted, size);
            }
            case "Already exists" -> {
                // A layer this pull finished on an earlier attempt keeps its bytes: they were moved by this run.
                if (phase != LayerPhase.DONE) {
                    phase = LayerPhase.EXISTS;
                }
            }
            default -> {
                // Another message (a newer engine's wording): shown as the status, the phase stays.
            }
        }
    }

    /** Bytes of work this layer stands for: downloading it and unpacking it, once each; 0 when unknown or present. */
    long work() {
        return counts() ? 2 * size : 0;
    }

    long workDone() {
        return counts() ? downloaded + extracted : 0;
    }

    /** Whether its bytes are part of the pull (known size, not already present). */
    boolean counts() {
        return size > 0 && phase != LayerPhase.EXISTS;
    }

    boolean sizeKnown() {
        return size > 0 || phase == LayerPhase.EXISTS;
    }

    long downloaded() {
        return phase == LayerPhase.EXISTS ? 0 : downloaded;
    }

    long size() {
        return size;
    }

    LayerPhase phase() {
        return phase;
    }

    LayerView view() {
        return new LayerView(id, phase, size, downloaded(), extracted, status);
    }
}
