package io.colimaservices.settings;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.colimaservices.domain.DesiredServices;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * The services the user wants running, per compose project, in {@code state/<project>.desired.json} in the
 * app-support directory: {@code {"version": 1, "services": ["postgres", ...]}}. The app and the command line both
 * change it, so every change is a read-modify-write under a lock on a file beside it. A missing or unreadable file
 * means "nothing wanted": recovery then brings back only what restart policies brought back. Not secret.
 */
public final class JsonDesiredServices implements DesiredServices {
    private static final Logger LOG = LoggerFactory.getLogger(JsonDesiredServices.class);
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final Path file;
    private final Path lock;

    public JsonDesiredServices(Path supportDirectory, String project) {
        Path state = supportDirectory.resolve("state");
        this.file = state.resolve(project + ".desired.json");
        this.lock = state.resolve(project + ".desired.lock");
    }

    public Path location() {
        return file;
    }

    @Override
    public Set<String> load() {
        if (!Files.isRegularFile(file)) {
            return Set.of();
        }
        try {
            JsonNode root = MAPPER.readTree(Files.readString(file, StandardCharsets.UTF_8));
            Set<String> services = new LinkedHashSet<>();
            root.path("services").forEach(n -> {
                if (n.isTextual() && !n.asText().isBlank()) {
                    services.add(n.asText());
                }
            });
            return Set.copyOf(services);
        } catch (IOException e) {
            LOG.warn("{} unreadable ({}): treated as empty", file, e.getMessage());
            return Set.of();
        }
    }

    @Override
    public void add(Collection<String> services) {
        change(set -> set.addAll(services));
    }

    @Override
    public void remove(Collection<String> services) {
        change(set -> set.removeAll(services));
    }

    private synchronized void change(Consumer<Set<String>> edit) {
        try {
            Files.createDirectories(file.getParent());
            try (FileChannel channel = FileChannel.open(lock, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                 FileLock ignored = channel.lock()) {
                Set<String> services = new TreeSet<>(load());
                Set<String> before = Set.copyOf(services);
                edit.accept(services);
                if (!services.equals(before)) {
                    ObjectNode root = MAPPER.createObjectNode();
                    root.put("version", 1);
                    services.forEach(root.putArray("services")::add);
                    AtomicFiles.write(file, MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n");
                }
            }
        } catch (IOException e) {
            // Losing this costs only a less complete recovery: the action itself goes on.
            LOG.warn("cannot update {}: {}", file, e.getMessage());
        }
    }
}
