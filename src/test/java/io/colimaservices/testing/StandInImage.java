package io.colimaservices.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/**
 * A stand-in image to push and pull: the test image's busybox layer plus layers of random bytes (random, so the
 * registry's gzip cannot shrink them and a pull moves their full size). Built with the engine's classic builder
 * (no BuildKit, no network), tagged with the name given.
 */
public final class StandInImage {
    private StandInImage() {
    }

    /** @param layerSizes the size in bytes of each random layer, in order */
    public static void build(String tag, Path workDirectory, long seed, long... layerSizes) {
        TestDocker.ensureImage();
        try {
            Path context = Files.createTempDirectory(workDirectory, "image");
            StringBuilder dockerfile = new StringBuilder("FROM ").append(TestDocker.IMAGE).append('\n');
            Random random = new Random(seed);
            for (int i = 0; i < layerSizes.length; i++) {
                writeRandom(context.resolve("blob" + i), layerSizes[i], random);
                dockerfile.append("COPY blob").append(i).append(" /data/blob").append(i).append('\n');
            }
            Files.writeString(context.resolve("Dockerfile"), dockerfile);
            Processes.run(null, 300, "env", "DOCKER_BUILDKIT=0", "docker", "build", "-q", "-t", tag,
                    context.toString()).orFail("docker build " + tag);
            TestDocker.deleteQuietly(context);
        } catch (IOException e) {
            throw new AssertionError("cannot build " + tag, e);
        }
    }

    private static void writeRandom(Path file, long size, Random random) throws IOException {
        byte[] chunk = new byte[1 << 20];
        try (OutputStream out = Files.newOutputStream(file)) {
            for (long left = size; left > 0; left -= chunk.length) {
                random.nextBytes(chunk);
                out.write(chunk, 0, (int) Math.min(chunk.length, left));
            }
        }
    }

    /** Removes the tags (never the shared test image); an image without tags goes with its own layers. */
    public static void remove(String... tags) {
        for (String tag : tags) {
            Processes.run(null, 60, "docker", "rmi", "--force", tag);
        }
    }

    public static boolean present(String tag) {
        return Processes.run(null, 30, "docker", "image", "inspect", tag).exitCode() == 0;
    }
}
