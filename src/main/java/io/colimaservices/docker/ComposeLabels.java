package io.colimaservices.docker;

/** The labels docker compose puts on the containers it creates. */
final class ComposeLabels {
    static final String PROJECT = "com.docker.compose.project";
    static final String SERVICE = "com.docker.compose.service";
    static final String ONEOFF = "com.docker.compose.oneoff";
    static final String CONTAINER_NUMBER = "com.docker.compose.container-number";
    static final String CONFIG_HASH = "com.docker.compose.config-hash";

    private ComposeLabels() {
    }
}
