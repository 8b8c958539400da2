package io.colimaservices.domain;

/** Who asked for a start: the user (a command, a button) or the app itself, recovering after a restart. */
public enum RunKind {
    /** {@code up}, {@code restart}, {@code recreate}: creates what is missing and applies changed definitions. */
    USER,
    /**
     * Recovery after the engine came back, a wake or a VM start: brings existing containers back to health, creates
     * and recreates nothing, reruns no one-shot job that already succeeded, unseals only when the user allows it.
     */
    RECOVERY
}
