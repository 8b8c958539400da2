package io.colimaservices.ui.logs;

/** Which outputs the viewer shows. */
public enum StreamFilter {
    ALL("stdout + stderr"), STDOUT("stdout"), STDERR("stderr");

    private final String label;

    StreamFilter(String label) {
        this.label = label;
    }

    boolean accepts(LogRow row) {
        return row.isMarker() || this == ALL || (this == STDERR) == row.isStderr();
    }

    @Override
    public String toString() {
        return label;
    }
}
