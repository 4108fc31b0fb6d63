package org.registrar.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Figures of one scenario: rows of named values (written as a JSON array of objects) and a readable Markdown
 * table. Built by one thread, then immutable in use.
 */
public final class BenchResult {
    private final String scenario;
    private final List<String> columns;
    private final List<Map<String, Object>> rows = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    public BenchResult(String scenario, String... columns) {
        this.scenario = scenario;
        this.columns = List.of(columns);
    }

    /** Adds a row; values in the order of the columns. Numbers stay numbers in the JSON. */
    public BenchResult row(Object... values) {
        if (values.length != columns.size()) {
            throw new IllegalArgumentException("Expected " + columns.size() + " values, got " + values.length);
        }
        Map<String, Object> row = new LinkedHashMap<>();
        for (int i = 0; i < values.length; i++) {
            row.put(columns.get(i), values[i]);
        }
        rows.add(row);
        return this;
    }

    /** A line printed under the table (what was measured, how). */
    public BenchResult note(String note) {
        notes.add(note);
        return this;
    }

    public String scenario() {
        return scenario;
    }

    public List<Map<String, Object>> rows() {
        return List.copyOf(rows);
    }

    /** The lines printed under the table. */
    public List<String> notes() {
        return List.copyOf(notes);
    }

    public String toJson() {
        StringBuilder json = new StringBuilder("[\n");
        for (int r = 0; r < rows.size(); r++) {
            json.append("  {");
            int c = 0;
            for (Map.Entry<String, Object> entry : rows.get(r).entrySet()) {
                json.append(c++ == 0 ? "" : ", ")
                        .append(quote(entry.getKey()))
                        .append(": ")
                        .append(value(entry.getValue()));
            }
            json.append(r < rows.size() - 1 ? "},\n" : "}\n");
        }
        return json.append("]\n").toString();
    }

    public String toMarkdown() {
        StringBuilder table = new StringBuilder("### ").append(scenario).append("\n\n| ");
        table.append(String.join(" | ", columns)).append(" |\n|");
        columns.forEach(column -> table.append("---|"));
        table.append('\n');
        for (Map<String, Object> row : rows) {
            table.append("| ");
            row.values().forEach(value -> table.append(text(value)).append(" | "));
            table.setLength(table.length() - 1);
            table.append('\n');
        }
        notes.forEach(note -> table.append("\n").append(note));
        return table.append('\n').toString();
    }

    private static String text(Object value) {
        if (value == null || (value instanceof Double number && number.isNaN())) {
            return "–";
        }
        if (value instanceof Double number) {
            return number >= 100 ? String.format("%.0f", number) : String.format("%.2f", number);
        }
        return String.valueOf(value);
    }

    private static String value(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof Double number) {
            return Double.isFinite(number) ? String.format(java.util.Locale.ROOT, "%.3f", number) : "null";
        }
        if (value instanceof Number || value instanceof Boolean) {
            return value.toString();
        }
        return quote(value.toString());
    }

    private static String quote(String text) {
        StringBuilder quoted = new StringBuilder("\"");
        for (char ch : text.toCharArray()) {
            switch (ch) {
                case '"' -> quoted.append("\\\"");
                case '\\' -> quoted.append("\\\\");
                case '\n' -> quoted.append("\\n");
                default -> {
                    if (ch < 0x20) {
                        quoted.append(String.format("\\u%04x", (int) ch));
                    } else {
                        quoted.append(ch);
                    }
                }
            }
        }
        return quoted.append('"').toString();
    }
}
