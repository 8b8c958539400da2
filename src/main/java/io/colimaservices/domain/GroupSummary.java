package io.colimaservices.domain;

/**
 * How a group is doing: counts over its services, for a menu line such as "Data 5/7 up".
 *
 * @param known false while Docker does not answer: the counts then say nothing (the services may well be running)
 */
public record GroupSummary(ServiceGroup group, int total, int running, int ready, int failing, boolean known) {

    /** Counts read from an engine that answered. */
    public GroupSummary(ServiceGroup group, int total, int running, int ready, int failing) {
        this(group, total, running, ready, failing, true);
    }

    /** A group whose services' states nobody can read now. */
    public static GroupSummary unknown(ServiceGroup group, int total) {
        return new GroupSummary(group, total, 0, 0, 0, false);
    }

    public boolean allReady() {
        return known && total > 0 && ready == total;
    }

    /** Known to have nothing running (false while unknown: it may have). */
    public boolean noneRunning() {
        return known && running == 0;
    }

    /** Known to have something running (false while unknown). */
    public boolean anyRunning() {
        return known && running > 0;
    }

    public String describe() {
        if (!known) {
            return "unknown";
        }
        if (noneRunning()) {
            return failing > 0 ? "stopped, " + failing + " failing" : "stopped";
        }
        String text = ready + "/" + total + " up";
        return failing > 0 ? text + ", " + failing + " failing" : text;
    }

    /** The group's dot: failing first, then stopped, all ready, partly up; grey and hollow while unknown. */
    public StatusText.Tone tone() {
        if (!known) {
            return StatusText.Tone.UNKNOWN;
        }
        if (failing > 0) {
            return StatusText.Tone.BAD;
        }
        if (running == 0) {
            return StatusText.Tone.OFF;
        }
        return allReady() ? StatusText.Tone.OK : StatusText.Tone.WARN;
    }
}
