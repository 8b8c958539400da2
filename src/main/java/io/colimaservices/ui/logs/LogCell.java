package io.colimaservices.ui.logs;

import io.colimaservices.domain.AnsiStyle;
import io.colimaservices.domain.AnsiText;
import javafx.beans.value.ObservableBooleanValue;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontPosture;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;

import java.util.List;

/**
 * One log row: ANSI colours as styled text runs (never raw escapes), stderr marked, search matches highlighted,
 * and the line's time and service in front when asked.
 */
final class LogCell extends ListCell<LogRow> {
    private static final Font MONO = Font.font("Monospaced", 12);
    private static final Font MONO_BOLD = Font.font("Monospaced", FontWeight.BOLD, 12);
    private static final Font MONO_ITALIC = Font.font("Monospaced", FontWeight.NORMAL, FontPosture.ITALIC, 12);

    /** One line of {@link #MONO} text: a row's height, also for a line with nothing visible in it. */
    static final double LINE_HEIGHT = Math.ceil(lineOf(MONO));

    private static final Color LIGHT_TEXT = Color.web("#1f2328");
    private static final Color DARK_TEXT = Color.web("#e6edf3");

    private final LogViewerViewModel model;
    private final ObservableBooleanValue dark;
    private final TextFlow flow = new TextFlow();

    LogCell(LogViewerViewModel model, ObservableBooleanValue dark, ListView<LogRow> list) {
        this.model = model;
        this.dark = dark;
        getStyleClass().add("log-cell");
        flow.getStyleClass().add("log-flow");
        setGraphic(flow);
        // A line of escape codes alone (or an empty one) must not collapse to a row of no height.
        flow.setMinHeight(LINE_HEIGHT);
        model.wrapProperty().addListener((o, a, b) -> layoutFor(list));
        layoutFor(list);
    }

    private static double lineOf(Font font) {
        Text probe = new Text("Ag|");
        probe.setFont(font);
        return probe.getLayoutBounds().getHeight();
    }

    private void layoutFor(ListView<LogRow> list) {
        if (model.wrapProperty().get()) {
            flow.maxWidthProperty().bind(list.widthProperty().subtract(32));
            flow.prefWidthProperty().bind(list.widthProperty().subtract(32));
        } else {
            flow.maxWidthProperty().unbind();
            flow.prefWidthProperty().unbind();
            flow.setMaxWidth(Double.MAX_VALUE);
            flow.setPrefWidth(USE_COMPUTED_SIZE);
        }
    }

    @Override
    protected void updateItem(LogRow row, boolean empty) {
        super.updateItem(row, empty);
        setText(null);
        flow.getChildren().clear();
        getStyleClass().removeAll("log-stderr", "log-marker");
        if (empty || row == null) {
            setGraphic(null);
            return;
        }
        setGraphic(flow);
        if (row.isMarker()) {
            getStyleClass().add("log-marker");
            flow.getChildren().add(text("\u2014 " + row.marker() + " \u2014", MONO_ITALIC, null));
            return;
        }
        if (row.isStderr()) {
            getStyleClass().add("log-stderr");
        }
        if (model.timestampsProperty().get()) {
            flow.getChildren().add(prefix(row.line().time().toString() + " "));
        }
        if (model.services().size() > 1) {
            int width = model.services().stream().mapToInt(String::length).max().orElse(0);
            String name = row.line().service();
            flow.getChildren().add(prefix(name + " ".repeat(Math.max(0, width - name.length()))
                    + (row.isStderr() ? " ! " : " | ")));
        } else if (row.isStderr()) {
            flow.getChildren().add(prefix("! "));
        }
        addStyled(row);
    }

    private Text prefix(String value) {
        Text t = text(value, MONO, null);
        t.getStyleClass().add("log-prefix");
        return t;
    }

    /** The line's runs, cut further at search matches so each match can be highlighted. */
    private void addStyled(LogRow row) {
        List<AnsiText.Span> spans = AnsiText.parse(row.line().text());
        List<int[]> matches = model.searchProperty().get().ranges(row.plainText());
        int offset = 0;
        int m = 0;
        for (AnsiText.Span span : spans) {
            String s = span.text();
            int start = 0;
            while (start < s.length()) {
                int absolute = offset + start;
                while (m < matches.size() && matches.get(m)[1] <= absolute) {
                    m++;
                }
                boolean inMatch = m < matches.size() && matches.get(m)[0] <= absolute;
                int boundary = m < matches.size() ? (inMatch ? matches.get(m)[1] : matches.get(m)[0]) : Integer.MAX_VALUE;
                int end = (int) Math.min(s.length(), (long) boundary - offset);
                String piece = s.substring(start, end);
                if (inMatch) {
                    // Text has no background; a label does, and matches are short enough not to need wrapping.
                    Label match = new Label(piece);
                    match.setFont(font(span.style()));
                    match.getStyleClass().add("log-match");
                    flow.getChildren().add(match);
                } else {
                    flow.getChildren().add(text(piece, font(span.style()), span.style()));
                }
                start = end;
            }
            offset += s.length();
        }
    }

    private Text text(String value, Font font, AnsiStyle style) {
        Text t = new Text(value);
        t.setFont(font);
        t.getStyleClass().add("log-text");
        Color colour = style == null ? null
                : AnsiPalette.colour(style.inverse() ? style.background() : style.foreground(), dark.get());
        if (colour == null) {
            colour = dark.get() ? DARK_TEXT : LIGHT_TEXT;
        }
        t.setFill(style != null && style.dim() ? colour.deriveColor(0, 1, 1, 0.7) : colour);
        t.setUnderline(style != null && style.underline());
        return t;
    }

    private static Font font(AnsiStyle style) {
        if (style.bold()) {
            return MONO_BOLD;
        }
        return style.italic() ? MONO_ITALIC : MONO;
    }
}
