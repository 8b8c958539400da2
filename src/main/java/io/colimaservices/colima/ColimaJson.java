package io.colimaservices.colima;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.colimaservices.domain.VmPhase;
import io.colimaservices.domain.VmState;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads Colima's JSON. {@code colima status --json} (Colima's {@code app/app.go}, {@code statusInfo}):
 * {@code display_name}, {@code driver}, {@code arch}, {@code runtime}, {@code mount_type}, {@code ip_address}
 * (left out when 127.0.0.1), {@code docker_socket} and {@code containerd_socket} ({@code unix://...}, left out for
 * other runtimes), {@code kubernetes} (boolean), {@code cpu} (count), {@code memory} and {@code disk} (bytes,
 * from Lima's instance). {@code colima list --json} ({@code limautil.InstanceInfo}, one object per line):
 * {@code name} (the short profile name), {@code status} (Lima's {@code Running}, {@code Stopped}, {@code Broken}),
 * {@code arch}, {@code cpus}, {@code memory} and {@code disk} (bytes), {@code address}, {@code runtime}
 * ({@code docker}, {@code docker+k3s}, ...). Unknown fields are ignored: newer Colimas add some.
 */
final class ColimaJson {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final double GIB = 1024.0 * 1024 * 1024;

    private ColimaJson() {
    }

    /** @throws IllegalArgumentException saying what is wrong, when the text is not a status object */
    static VmState status(String profile, String text) {
        JsonNode root = object(text, "status");
        if (!root.has("arch") && !root.has("runtime") && !root.has("docker_socket")) {
            throw new IllegalArgumentException("no arch, runtime or docker_socket in it");
        }
        return new VmState(profile, VmPhase.RUNNING, text(root, "arch"), root.path("cpu").asInt(0),
                gib(root.path("memory")), gib(root.path("disk")), text(root, "docker_socket"),
                text(root, "ip_address"), text(root, "runtime"), root.path("kubernetes").asBoolean(false),
                Optional.empty(), Optional.empty());
    }

    /** @throws IllegalArgumentException naming the line that is not an instance object */
    static List<VmState> list(List<String> lines) {
        List<VmState> states = new ArrayList<>();
        int number = 0;
        for (String line : lines) {
            number++;
            if (line.isBlank()) {
                continue;
            }
            JsonNode node;
            try {
                node = object(line, "list");
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("line " + number + ": " + e.getMessage(), e);
            }
            Optional<String> name = text(node, "name");
            if (name.isEmpty()) {
                throw new IllegalArgumentException("line " + number + ": an instance without a name");
            }
            states.add(instance(name.get(), node));
        }
        return states;
    }

    private static VmState instance(String name, JsonNode node) {
        String status = node.path("status").asText("");
        Optional<String> runtimeText = text(node, "runtime");
        boolean kubernetes = runtimeText.map(r -> r.contains("+k3s")).orElse(false);
        Optional<String> runtime = runtimeText.map(r -> r.replace("+k3s", ""));
        VmPhase phase = switch (status) {
            case "Running" -> VmPhase.RUNNING;
            case "Stopped" -> VmPhase.STOPPED;
            default -> VmPhase.UNKNOWN;
        };
        Optional<String> error = phase == VmPhase.UNKNOWN
                ? Optional.of("Lima reports the instance as '" + status + "'")
                : Optional.empty();
        return new VmState(name, phase, text(node, "arch"), node.path("cpus").asInt(0), gib(node.path("memory")),
                gib(node.path("disk")), Optional.empty(), text(node, "address"), runtime, kubernetes, error,
                Optional.empty());
    }

    private static JsonNode object(String text, String what) {
        JsonNode root;
        try {
            root = MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not JSON (" + e.getOriginalMessage() + ")", e);
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("not a JSON object");
        }
        return root;
    }

    private static Optional<String> text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() || value.asText().isBlank()
                ? Optional.empty()
                : Optional.of(value.asText());
    }

    /** Bytes to GiB with two decimals: Lima's sizes are not always whole GiB. */
    private static double gib(JsonNode bytes) {
        if (!bytes.isNumber()) {
            return 0;
        }
        return Math.round(bytes.asDouble() / GIB * 100) / 100.0;
    }
}
