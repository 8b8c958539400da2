package io.colimaservices.domain;

/** Hears one pull attempt: its progress messages in order, then how it ended. Called on the attempt's thread. */
public interface PullListener {
    void onEvent(PullEvent event);

    void onEnd(PullEnd end);
}
