package io.colimaservices.domain;

/**
 * What a face needs to change the VM and see the change: a fresh reading, and an action run with the store showing
 * {@link VmPhase#STARTING} or {@link VmPhase#STOPPING} meanwhile. {@link VmWatcher} is the implementation; the
 * port lets a page be built before the watcher exists (the app connects off the FX thread).
 */
public interface VmChanges {

    /** Reads the VM and its socket now, on the caller's thread (blocks up to the status deadline). */
    void refresh();

    /** Runs {@code action} with the store showing {@code phase}, then refreshes; the action's exception passes on. */
    void whileChanging(VmPhase phase, Runnable action);
}
