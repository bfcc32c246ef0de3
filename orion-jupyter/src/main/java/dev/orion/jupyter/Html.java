package dev.orion.jupyter;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Self-contained HTML fragments for notebook outputs: every piece of text that comes from data (a
 * structure's properties, a site label, a model name, an error message) is escaped here, so a hostile
 * value can never become markup. No scripts, no styles from outside, no links to a CDN.
 */
final class Html {

    private static final int MAX_CELL = 200;

    private Html() {
    }

    /** @return the text with {@code & < > " '} replaced by entities */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** @return a number with four significant decimals, as tables show them */
    static String number(double value) {
        return String.format(Locale.ROOT, "%.4f", value);
    }

    /** @return text cut to a length a table cell can show, with an ellipsis when cut */
    static String shorten(String text) {
        return text.length() <= MAX_CELL ? text : text.substring(0, MAX_CELL - 1) + "…";
    }

    /** A table with a caption, a header row and body rows, whose cells are escaped when it is written. */
    static final class Table {
        private final String cssClass;
        private final String caption;
        private final List<String> header = new ArrayList<>();
        private final List<List<String>> rows = new ArrayList<>();
        private String footer = "";

        Table(String cssClass, String caption) {
            this.cssClass = cssClass;
            this.caption = caption;
        }

        Table header(String... cells) {
            header.addAll(List.of(cells));
            return this;
        }

        Table row(Object... cells) {
            List<String> row = new ArrayList<>(cells.length);
            for (Object cell : cells) {
                row.add(shorten(String.valueOf(cell)));
            }
            rows.add(row);
            return this;
        }

        /** A line under the table (e.g. how many rows were left out). */
        Table footer(String text) {
            footer = text;
            return this;
        }

        String toHtml() {
            StringBuilder out = new StringBuilder("<table class=\"").append(escape(cssClass)).append("\">");
            out.append("<caption>").append(escape(caption)).append("</caption>");
            if (!header.isEmpty()) {
                out.append("<thead><tr>");
                header.forEach(h -> out.append("<th>").append(escape(h)).append("</th>"));
                out.append("</tr></thead>");
            }
            out.append("<tbody>");
            for (List<String> row : rows) {
                out.append("<tr>");
                row.forEach(c -> out.append("<td>").append(escape(c)).append("</td>"));
                out.append("</tr>");
            }
            out.append("</tbody></table>");
            if (!footer.isEmpty()) {
                out.append("<p>").append(escape(footer)).append("</p>");
            }
            return out.toString();
        }
    }
}
