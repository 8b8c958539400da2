package io.colimaservices.domain;

/** How a group is doing: counts over its services, for a menu line such as "Data 5/7 healthy". */
public record GroupSummary(ServiceGroup group, int total, int running, int ready, int failing) {

    public boolean allReady() {
        return total > 0 && ready == total;
    }

    public boolean noneRunning() {
        return running == 0;
    }

    public String describe() {
        if (noneRunning()) {
            return failing > 0 ? "stopped, " + failing + " failing" : "stopped";
        }
        String text = ready + "/" + total + " up";
        return failing > 0 ? text + ", " + failing + " failing" : text;
    }
}
