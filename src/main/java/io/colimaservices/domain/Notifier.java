package io.colimaservices.domain;

/** Shows an alert to the user, with its two actions: view the service's logs, restart it. */
public interface Notifier {
    void show(Alert alert);
}
