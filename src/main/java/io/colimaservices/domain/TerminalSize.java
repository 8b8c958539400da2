package io.colimaservices.domain;

/** A terminal's size in character cells, as a pseudo-terminal is told it. */
public record TerminalSize(int columns, int rows) {
    public TerminalSize {
        if (columns < 1 || rows < 1) {
            throw new IllegalArgumentException("a terminal has at least one column and one row, not "
                    + columns + "x" + rows);
        }
    }

    @Override
    public String toString() {
        return columns + "x" + rows;
    }
}
