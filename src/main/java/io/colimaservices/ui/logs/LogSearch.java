package io.colimaservices.ui.logs;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** A search over plain log text: literal (case-insensitive) or a regular expression. */
public final class LogSearch {
    public static final LogSearch NONE = new LogSearch(null);

    private final Pattern pattern;

    private LogSearch(Pattern pattern) {
        this.pattern = pattern;
    }

    /** A search, or the reason the regular expression is invalid. */
    public static Result of(String text, boolean regex) {
        if (text == null || text.isEmpty()) {
            return new Result(NONE, Optional.empty());
        }
        try {
            return new Result(new LogSearch(Pattern.compile(regex ? text : Pattern.quote(text),
                    Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE)), Optional.empty());
        } catch (PatternSyntaxException e) {
            return new Result(NONE, Optional.of(e.getDescription() + " at " + e.getIndex()));
        }
    }

    public record Result(LogSearch search, Optional<String> error) {
    }

    public boolean isEmpty() {
        return pattern == null;
    }

    public boolean matches(LogRow row) {
        return pattern != null && !row.isMarker() && pattern.matcher(row.plainText()).find();
    }

    /** The index in {@code rows} of the next (or previous) match after {@code from}, wrapping; -1 if none. */
    public int next(List<LogRow> rows, int from, boolean forward) {
        int n = rows.size();
        if (isEmpty() || n == 0) {
            return -1;
        }
        for (int step = 1; step <= n; step++) {
            int i = Math.floorMod(from + (forward ? step : -step), n);
            if (matches(rows.get(i))) {
                return i;
            }
        }
        return -1;
    }

    /** Match ranges in {@code text}, as [start, end) pairs; empty matches are skipped. */
    public List<int[]> ranges(String text) {
        List<int[]> ranges = new ArrayList<>();
        if (pattern == null) {
            return ranges;
        }
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            if (m.end() > m.start()) {
                ranges.add(new int[] {m.start(), m.end()});
            }
            if (ranges.size() > 1_000) {
                break;
            }
        }
        return ranges;
    }
}
