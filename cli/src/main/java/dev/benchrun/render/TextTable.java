package dev.benchrun.render;

import java.util.ArrayList;
import java.util.List;

/** A plain-text table with aligned columns; numbers right-aligned, text left-aligned. */
public final class TextTable {

    /** How a column is aligned. */
    public enum Align {
        LEFT,
        RIGHT
    }

    private final List<String> headers;
    private final List<Align> aligns;
    private final List<List<String>> rows = new ArrayList<>();

    public TextTable(List<String> headers, List<Align> aligns) {
        if (headers.size() != aligns.size()) {
            throw new IllegalArgumentException("one alignment per header");
        }
        this.headers = List.copyOf(headers);
        this.aligns = List.copyOf(aligns);
    }

    public TextTable row(List<String> cells) {
        if (cells.size() != headers.size()) {
            throw new IllegalArgumentException("row has " + cells.size() + " cells, table has " + headers.size());
        }
        rows.add(cells.stream().map(Printable::visibleExceptColour).toList());
        return this;
    }

    public boolean isEmpty() {
        return rows.isEmpty();
    }

    public String render(Style style) {
        int[] widths = new int[headers.size()];
        for (int c = 0; c < headers.size(); c++) {
            widths[c] = Style.width(headers.get(c));
            for (var row : rows) {
                widths[c] = Math.max(widths[c], Style.width(row.get(c)));
            }
        }
        var out = new StringBuilder();
        out.append(style.bold(line(headers, widths))).append('\n');
        for (var row : rows) {
            out.append(line(row, widths)).append('\n');
        }
        return out.toString();
    }

    private String line(List<String> cells, int[] widths) {
        var out = new StringBuilder();
        for (int c = 0; c < cells.size(); c++) {
            String cell = cells.get(c);
            int pad = widths[c] - Style.width(cell);
            if (c > 0) {
                out.append("  ");
            }
            if (aligns.get(c) == Align.RIGHT) {
                out.append(" ".repeat(pad)).append(cell);
            } else {
                out.append(cell).append(c == cells.size() - 1 ? "" : " ".repeat(pad));
            }
        }
        return out.toString().stripTrailing();
    }
}
