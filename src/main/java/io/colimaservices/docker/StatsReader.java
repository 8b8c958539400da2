package io.colimaservices.docker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.dockerjava.transport.DockerHttpClient;
import io.colimaservices.domain.ContainerStats;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;

/**
 * One reading of {@code /containers/{id}/stats} with {@code stream=false&one-shot=true}: the counters at once,
 * without the daemon's one-second wait for a second sample (the sampler keeps the previous reading itself).
 */
final class StatsReader {
    private final DockerHttpClient http;
    private final ObjectMapper json = new ObjectMapper();

    StatsReader(DockerHttpClient http) {
        this.http = http;
    }

    ContainerStats read(String containerId) throws IOException {
        DockerHttpClient.Request request = DockerHttpClient.Request.builder()
                .method(DockerHttpClient.Request.Method.GET)
                .path("/containers/" + containerId + "/stats?stream=false&one-shot=true").build();
        try (DockerHttpClient.Response response = http.execute(request); InputStream body = response.getBody()) {
            if (response.getStatusCode() / 100 != 2) {
                throw new IOException("HTTP " + response.getStatusCode());
            }
            return parse(json.readTree(body));
        }
    }

    static ContainerStats parse(JsonNode stats) {
        JsonNode cpu = stats.path("cpu_stats");
        JsonNode memory = stats.path("memory_stats");
        long usage = memory.path("usage").asLong();
        // What `docker stats` shows: usage without the page cache (cgroup v2: inactive_file; v1: total_inactive_file).
        JsonNode details = memory.path("stats");
        long cache = details.has("inactive_file") ? details.path("inactive_file").asLong()
                : details.path("total_inactive_file").asLong();
        int cpus = cpu.path("online_cpus").asInt(0);
        if (cpus == 0) {
            cpus = Math.max(1, cpu.path("cpu_usage").path("percpu_usage").size());
        }
        Instant read;
        try {
            read = Instant.parse(stats.path("read").asText());
        } catch (RuntimeException e) {
            read = Instant.now();
        }
        return new ContainerStats(read, cpu.path("cpu_usage").path("total_usage").asLong(),
                cpu.path("system_cpu_usage").asLong(), cpus, Math.max(0, usage - cache), memory.path("limit").asLong());
    }
}
