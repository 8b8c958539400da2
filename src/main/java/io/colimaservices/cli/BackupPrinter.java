package io.colimaservices.cli;

import io.colimaservices.domain.backup.BackupEvent;
import io.colimaservices.domain.backup.BackupText;

import java.io.PrintWriter;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/** Prints a backup's, verify's or restore's events as lines; progress at most every 2 s per service. */
final class BackupPrinter implements Consumer<BackupEvent> {
    private static final long PROGRESS_EVERY = 2_000_000_000L;

    private final PrintWriter out;
    private final Map<String, Long> lastProgress = new HashMap<>();

    BackupPrinter(PrintWriter out) {
        this.out = out;
    }

    @Override
    public synchronized void accept(BackupEvent event) {
        switch (event) {
            case BackupEvent.Began b -> out.println(b.service() + ": " + b.mode().word() + " " + b.what());
            case BackupEvent.Note n -> out.println(n.service() + ": " + n.text());
            case BackupEvent.Progress p -> {
                long now = System.nanoTime();
                Long last = lastProgress.get(p.service());
                if (last == null || now - last >= PROGRESS_EVERY) {
                    lastProgress.put(p.service(), now);
                    out.println(p.service() + ": " + size(p.bytes())
                            + (p.bytesPerSecond().isPresent() ? ", " + BackupText.rate(p.bytesPerSecond()) : ""));
                }
            }
            case BackupEvent.Done d -> out.println(d.service() + ": done, " + size(d.bytes())
                    + (d.fileBytes() > 0 ? " (file " + size(d.fileBytes()) + ")" : "")
                    + (d.took().isZero() ? "" : String.format(Locale.ROOT, " in %.1f s", d.took().toMillis() / 1000.0)));
            case BackupEvent.Failed f -> out.println("FAILED " + f.message());
        }
        out.flush();
    }

    static String size(long bytes) {
        return BackupText.size(bytes);
    }
}
