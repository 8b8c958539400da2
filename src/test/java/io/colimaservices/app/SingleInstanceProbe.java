package io.colimaservices.app;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * A process for {@link SingleInstanceTest}: the first one in a directory says "primary", answers each request with
 * its lines, and lives until its stdin ends; a later one hands its arguments over and prints the answer.
 */
public final class SingleInstanceProbe {
    private SingleInstanceProbe() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        List<String> request = List.of(args).subList(1, args.length);
        Optional<SingleInstance> claimed = SingleInstance.claim(dir);
        if (claimed.isEmpty()) {
            System.out.println("handed over: " + SingleInstance.handOver(dir, request));
            System.exit(0);
        }
        try (SingleInstance instance = claimed.get()) {
            instance.listen(lines -> "got " + String.join("|", lines));
            System.out.println("primary");
            System.out.flush();
            while (System.in.read() >= 0) {
                // lives until the test closes stdin
            }
        }
        System.exit(0);
    }
}
