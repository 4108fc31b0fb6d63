package org.registrar.app;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The little Markdown the user guide uses, read into blocks for {@link UserGuideWindow}: headings, paragraphs, list
 * items, fenced code, tables (as rows of cells) and images (their alternative text). Inline marks are reduced to
 * spans: {@code `code`}, {@code **bold**}, links as their text. No JavaFX here. Stateless.
 */
final class GuideMarkdown {
    enum Kind {
        HEADING,
        PARAGRAPH,
        ITEM,
        CODE,
        TABLE,
        IMAGE
    }

    /** A piece of inline text: plain, bold or code. */
    record Span(String text, boolean bold, boolean code) {}

    /**
     * One block. {@code level} is a heading's level or a list item's indent (0, 1, …); {@code text} is a code block's
     * lines or an image's alternative text; {@code rows} a table's cells (its first row the header).
     */
    record Block(Kind kind, int level, String text, List<List<String>> rows) {
        List<Span> spans() {
            return GuideMarkdown.spans(text);
        }
    }

    private static final Pattern HEADING = Pattern.compile("(#{1,6})\\s+(.*)");
    private static final Pattern ITEM = Pattern.compile("(\\s*)([-*+]|\\d+[.)])\\s+(.*)");
    private static final Pattern IMAGE = Pattern.compile("!\\[([^]]*)]\\([^)]*\\)\\s*");
    private static final Pattern INLINE = Pattern.compile(
            "`([^`]+)`|\\*\\*([^*]+)\\*\\*|\\[([^]]+)]\\([^)]*\\)|(?<![\\w*])\\*([^*\\s][^*]*)\\*(?![\\w*])");

    private GuideMarkdown() {}

    static List<Block> parse(String markdown) {
        List<Block> blocks = new ArrayList<>();
        String[] lines = markdown.replace("\r\n", "\n").split("\n", -1);
        StringBuilder paragraph = new StringBuilder();
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            String trimmed = line.strip();
            if (trimmed.startsWith("```")) {
                flush(paragraph, blocks);
                StringBuilder code = new StringBuilder();
                while (++i < lines.length && !lines[i].strip().startsWith("```")) {
                    code.append(code.length() == 0 ? "" : "\n").append(lines[i]);
                }
                blocks.add(new Block(Kind.CODE, 0, code.toString(), List.of()));
                continue;
            }
            if (trimmed.startsWith("|")) {
                flush(paragraph, blocks);
                List<List<String>> rows = new ArrayList<>();
                for (; i < lines.length && lines[i].strip().startsWith("|"); i++) {
                    List<String> cells = cells(lines[i].strip());
                    if (!cells.stream().allMatch(cell -> cell.matches(":?-{3,}:?"))) {
                        rows.add(cells);
                    }
                }
                i--;
                blocks.add(new Block(Kind.TABLE, 0, "", rows));
                continue;
            }
            Matcher heading = HEADING.matcher(trimmed);
            Matcher item = ITEM.matcher(line);
            Matcher image = IMAGE.matcher(trimmed);
            if (trimmed.isEmpty()) {
                flush(paragraph, blocks);
            } else if (heading.matches()) {
                flush(paragraph, blocks);
                blocks.add(new Block(Kind.HEADING, heading.group(1).length(), heading.group(2), List.of()));
            } else if (image.matches()) {
                flush(paragraph, blocks);
                blocks.add(new Block(Kind.IMAGE, 0, image.group(1), List.of()));
            } else if (item.matches()) {
                flush(paragraph, blocks);
                blocks.add(new Block(Kind.ITEM, item.group(1).length() / 2, item.group(3), List.of()));
            } else if (!blocks.isEmpty()
                    && paragraph.length() == 0
                    && blocks.get(blocks.size() - 1).kind() == Kind.ITEM
                    && Character.isWhitespace(line.charAt(0))) {
                Block last = blocks.remove(blocks.size() - 1); // an item's continuation line
                blocks.add(new Block(Kind.ITEM, last.level(), last.text() + " " + trimmed, List.of()));
            } else {
                paragraph.append(paragraph.length() == 0 ? "" : " ").append(trimmed);
            }
        }
        flush(paragraph, blocks);
        return blocks;
    }

    private static void flush(StringBuilder paragraph, List<Block> blocks) {
        if (paragraph.length() > 0) {
            blocks.add(new Block(Kind.PARAGRAPH, 0, paragraph.toString(), List.of()));
            paragraph.setLength(0);
        }
    }

    private static List<String> cells(String row) {
        String inner = row.substring(1, row.endsWith("|") && row.length() > 1 ? row.length() - 1 : row.length());
        List<String> cells = new ArrayList<>();
        for (String cell : inner.split("\\|", -1)) {
            cells.add(cell.strip());
        }
        return cells;
    }

    /** Inline text as spans: {@code `code`} and {@code **bold**} marked, a link reduced to its text. */
    static List<Span> spans(String text) {
        List<Span> spans = new ArrayList<>();
        Matcher inline = INLINE.matcher(text);
        int at = 0;
        while (inline.find()) {
            if (inline.start() > at) {
                spans.add(new Span(text.substring(at, inline.start()), false, false));
            }
            if (inline.group(1) != null) {
                spans.add(new Span(inline.group(1), false, true));
            } else if (inline.group(2) != null) {
                spans.add(new Span(inline.group(2), true, false));
            } else {
                // a link as its text; *emphasis* as plain text
                spans.add(new Span(inline.group(3) != null ? inline.group(3) : inline.group(4), false, false));
            }
            at = inline.end();
        }
        if (at < text.length()) {
            spans.add(new Span(text.substring(at), false, false));
        }
        return spans;
    }

    /** Text without its inline marks (a table cell, a heading). */
    static String plain(String text) {
        StringBuilder plain = new StringBuilder();
        spans(text).forEach(span -> plain.append(span.text()));
        return plain.toString();
    }
}
