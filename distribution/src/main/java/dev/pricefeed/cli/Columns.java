package dev.pricefeed.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/** Prints rows of text as left-aligned columns separated by two spaces. */
final class Columns {

    private Columns() {
    }

    /** Prints every row, the first one being the header. */
    static void print(PrintWriter out, List<String[]> rows) {
        lines(rows).forEach(out::println);
    }

    /** Every row as one line, the first one being the header. */
    static List<String> lines(List<String[]> rows) {
        List<String> lines = new ArrayList<>();
        int columns = rows.get(0).length;
        int[] widths = new int[columns];
        for (String[] row : rows) {
            for (int i = 0; i < columns; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < columns; i++) {
                line.append(row[i]);
                if (i < columns - 1) {
                    line.append(" ".repeat(widths[i] - row[i].length() + 2));
                }
            }
            lines.add(line.toString());
        }
        return lines;
    }
}
