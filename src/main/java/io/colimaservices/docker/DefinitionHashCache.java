package io.colimaservices.docker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The compose CLI's definition hashes, remembered per input: asking the CLI costs a process (about 0.5 s for
 * docker-compose 1.29 on an idle machine) on every {@code up}, and its answer depends only on what goes in: the CLI
 * and its version, the project, the profiles, the compose files and the {@code .env} beside them, and the variables
 * they use. The key is a SHA-256 of all of that; a changed file (an app update installs a new one) or variable is a
 * new key. One exception, said in docs/stack.md: docker-compose 1.x puts the image's ID into its hash, so an image
 * pulled again under the same tag is not seen from here (Compose v2 leaves the image out of the hash).
 * Not secret: hashes of definitions that hold no secret.
 */
final class DefinitionHashCache {
    private static final Logger LOG = LoggerFactory.getLogger(DefinitionHashCache.class);
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{?([A-Za-z_][A-Za-z0-9_]*)");
    /** Kept per key, the newest first: the app and a terminal can have different environments. */
    private static final int KEYS_KEPT = 4;

    private final Path file;

    DefinitionHashCache(Path file) {
        this.file = file;
    }

    /**
     * The key for these inputs.
     *
     * @param environment the variables the CLI process gets
     */
    static String key(List<String> cliIdentity, String project, List<String> profiles, List<Path> files,
                      Map<String, String> environment) throws IOException {
        MessageDigest digest = sha256();
        update(digest, String.join(" ", cliIdentity));
        update(digest, project);
        update(digest, String.join(",", profiles));
        StringBuilder texts = new StringBuilder();
        for (Path f : files) {
            String text = Files.readString(f, StandardCharsets.UTF_8);
            update(digest, f.toAbsolutePath().toString());
            update(digest, text);
            texts.append(text).append('\n');
        }
        Path dotEnv = files.getFirst().toAbsolutePath().resolveSibling(".env");
        if (Files.isRegularFile(dotEnv)) {
            String text = Files.readString(dotEnv, StandardCharsets.UTF_8);
            update(digest, text);
            texts.append(text);
        }
        // The variables the files use, and the ones compose itself reads.
        Map<String, String> used = new TreeMap<>();
        Matcher m = VARIABLE.matcher(texts);
        while (m.find()) {
            used.put(m.group(1), environment.getOrDefault(m.group(1), "\u0000unset"));
        }
        environment.forEach((name, value) -> {
            if (name.startsWith("COMPOSE_") || name.startsWith("DOCKER_")) {
                used.put(name, value);
            }
        });
        used.forEach((name, value) -> update(digest, name + "=" + value));
        return HexFormat.of().formatHex(digest.digest());
    }

    /** The hashes of all {@code services} under {@code key}, when every one is known. */
    Optional<Map<String, String>> get(String key, Collection<String> services) {
        JsonNode entry = read().path(key);
        if (!entry.isObject()) {
            return Optional.empty();
        }
        Map<String, String> hashes = new LinkedHashMap<>();
        for (String s : services) {
            JsonNode h = entry.get(s);
            if (h == null || !h.isTextual()) {
                return Optional.empty();
            }
            hashes.put(s, h.asText());
        }
        return Optional.of(hashes);
    }

    /** Adds hashes under {@code key} (the newest key first; older keys beyond a few are dropped). */
    synchronized void put(String key, Map<String, String> hashes) {
        try {
            ObjectNode old = read();
            ObjectNode next = MAPPER.createObjectNode();
            ObjectNode entry = next.putObject(key);
            if (old.path(key).isObject()) {
                entry.setAll((ObjectNode) old.get(key));
            }
            hashes.forEach(entry::put);
            int kept = 1;
            for (Iterator<Map.Entry<String, JsonNode>> it = old.fields(); it.hasNext() && kept < KEYS_KEPT; ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (!e.getKey().equals(key)) {
                    next.set(e.getKey(), e.getValue());
                    kept++;
                }
            }
            Files.createDirectories(file.getParent());
            Path temporary = Files.createTempFile(file.getParent(), ".hashes", ".tmp");
            Files.writeString(temporary, MAPPER.writeValueAsString(next));
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            LOG.debug("definition hashes not remembered in {}: {}", file, e.getMessage());
        }
    }

    private ObjectNode read() {
        try {
            if (Files.isRegularFile(file) && MAPPER.readTree(file.toFile()) instanceof ObjectNode node) {
                return node;
            }
        } catch (IOException e) {
            LOG.debug("{} unreadable: {}", file, e.getMessage());
        }
        return MAPPER.createObjectNode();
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void update(MessageDigest digest, String text) {
        digest.update(text.getBytes(StandardCharsets.UTF_8));
        digest.update((byte) 0);
    }
}
