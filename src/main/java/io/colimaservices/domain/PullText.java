package io.colimaservices.domain;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The words and numbers both faces show for a pull: sizes in decimal units as {@code docker pull} prints them
 * ({@code 67.13 MB}), rates, estimates ({@code ~2 min 5 s}, with a {@code +} while sizes are still unknown).
 */
public final class PullText {
    private static final String[] UNITS = {"B", "kB", "MB", "GB", "TB"};

    private PullText() {
    }

    public static String bytes(long bytes) {
        if (bytes < 0) {
            return "?";
        }
        double value = bytes;
        int unit = 0;
        while (value >= 1000 && unit < UNITS.length - 1) {
            value /= 1000;
            unit++;
        }
        return unit == 0 ? bytes + " B" : String.format(Locale.ROOT, value < 10 ? "%.2f %s" : value < 100
                ? "%.1f %s" : "%.0f %s", value, UNITS[unit]);
    }

    public static String rate(OptionalDouble bytesPerSecond) {
        return bytesPerSecond.isPresent() ? bytes(Math.round(bytesPerSecond.getAsDouble())) + "/s" : "-";
    }

    /** {@code 850 ms}, {@code 12 s}, {@code 2 min 5 s}, {@code 1 h 3 min}. */
    public static String duration(Duration d) {
        long ms = d.toMillis();
        if (ms < 1000) {
            return ms + " ms";
        }
        long s = Math.round(ms / 1000.0);
        if (s < 60) {
            return s + " s";
        }
        if (s < 3600) {
            return s / 60 + " min" + (s % 60 == 0 ? "" : " " + s % 60 + " s");
        }
        return s / 3600 + " h" + (s % 3600 / 60 == 0 ? "" : " " + s % 3600 / 60 + " min");
    }

    /** {@code ~12 s}, {@code ~12 s+} when more is still to be known, {@code -} without a measured pace. */
    public static String estimate(Optional<Duration> eta, boolean complete) {
        if (eta.isEmpty()) {
            return "-";
        }
        Duration d = eta.get().compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1) : eta.get();
        return "~" + duration(d) + (complete ? "" : "+");
    }

    /** {@code 45.2 MB/150 MB} or {@code 45.2 MB/150 MB+} while sizes are unknown. */
    public static String amount(long done, long size, boolean complete) {
        return bytes(done) + "/" + bytes(size) + (complete ? "" : "+");
    }

    /** One line for an image: state, bytes, layers, rate, estimate; what a face shows per image. */
    public static String line(ImagePullView image) {
        String attempt = image.attempt() > 1 ? "attempt " + image.attempt() : "";
        String what = switch (image.state()) {
            case PULLING -> image.layerCount() == 0
                    ? "asking the registry" + (attempt.isEmpty() ? "" : " (" + attempt + ")")
                    : amount(image.downloaded(), image.size(), image.sizeComplete()) + "  " + rate(image.rate())
                    + "  " + estimate(image.eta(), image.sizeComplete()) + "  (" + image.layersDone() + "/"
                    + image.layerCount() + " layers" + (attempt.isEmpty() ? "" : ", " + attempt) + ")";
            case PULLED -> "pulled " + bytes(image.downloaded()) + " in " + duration(image.elapsed());
            case FAILED -> "FAILED" + image.failure().map(f -> ": " + f.describe(image.image())
                    .substring(image.image().toString().length() + 2)).orElse("");
            default -> image.state().label();
        };
        return image.image() + "  " + what;
    }

    /** One line for a layer under way: {@code 91e0a1a95f12 downloading 25.6 MB/67.1 MB}. */
    public static String layer(LayerView layer) {
        long current = layer.phase() == LayerPhase.EXTRACTING ? layer.extracted() : layer.downloaded();
        return layer.id() + " " + (layer.phase() == LayerPhase.RETRYING ? layer.status().toLowerCase(Locale.ROOT)
                : layer.phase().label()) + (layer.size() > 0 ? " " + bytes(current) + "/" + bytes(layer.size()) : "");
    }

    /** The run's totals: {@code 2/5 images  120 MB/480 MB+  20.1 MB/s  ~18 s+}. */
    public static String totals(PullTotals t) {
        return t.imagesFinished() + "/" + t.imageCount() + " images  " + amount(t.downloaded(), t.size(),
                t.sizeComplete()) + "  " + rate(t.rate()) + "  " + estimate(t.eta(), t.sizeComplete());
    }
}
