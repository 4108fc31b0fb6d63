package org.registrar.reports;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.registrar.i18n.Messages;

/**
 * A report as PDF through PDFBox, with DejaVu Sans embedded (subset) so every Latin letter prints (Å, ł, ễ, ß).
 * Each page repeats the header: title, details, printed date, "page n of m" and the table's header row; then a fixed
 * number of rows ({@link #rowsPerPage}); the notes follow the rows. A4, landscape when the table has more than six
 * columns; text too wide for its column is cut with an ellipsis. Thread-safe (stateless).
 */
final class PdfExport {
    static final int ROWS_PER_PAGE_PORTRAIT = 40;
    static final int ROWS_PER_PAGE_LANDSCAPE = 24;
    private static final float MARGIN = 36;
    private static final float SIZE = 8.5f;
    private static final float LINE = 13;
    private static final float PADDING = 4;

    private static final java.util.Map<String, TrueTypeFont> FONTS = new java.util.HashMap<>();
    private static final java.util.regex.Pattern BREAKS = java.util.regex.Pattern.compile("[\\r\\n\\t]+");

    private PdfExport() {}

    /** How many table rows (and note lines) one page of this table holds. */
    static int rowsPerPage(ReportTable table) {
        return landscape(table) ? ROWS_PER_PAGE_LANDSCAPE : ROWS_PER_PAGE_PORTRAIT;
    }

    /** How many pages this table takes. */
    static int pages(ReportTable table) {
        int lines = table.rows().size() + table.notes().size();
        return Math.max(1, (lines + rowsPerPage(table) - 1) / rowsPerPage(table));
    }

    static void write(ReportTable table, LocalDate printedOn, OutputStream out) throws IOException {
        // the parsed fonts are shared between documents (parsing 1.4 MB of TrueType took most of a small export's
        // time); FontBox reads them lazily and is not thread-safe, so one PDF is written at a time
        synchronized (FONTS) {
            writeWithFonts(table, printedOn, out);
        }
    }

    private static void writeWithFonts(ReportTable table, LocalDate printedOn, OutputStream out) throws IOException {
        try (PDDocument document = new PDDocument()) {
            Widths regular = new Widths(PDType0Font.load(document, parsed("DejaVuSans.ttf"), true));
            Widths bold = new Widths(PDType0Font.load(document, parsed("DejaVuSans-Bold.ttf"), true));
            PDRectangle size = landscape(table)
                    ? new PDRectangle(PDRectangle.A4.getHeight(), PDRectangle.A4.getWidth())
                    : PDRectangle.A4;
            float[] widths = widths(table, regular, bold, size.getWidth() - 2 * MARGIN);
            List<Object> lines = new ArrayList<>(table.rows());
            lines.addAll(table.notes());
            int perPage = rowsPerPage(table);
            int pages = pages(table);
            for (int page = 0; page < pages; page++) {
                PDPage pdfPage = new PDPage(size);
                document.addPage(pdfPage);
                try (PDPageContentStream content = new PDPageContentStream(document, pdfPage)) {
                    Page drawing = new Page(content, regular, bold, size, widths);
                    float y = drawing.header(table, printedOn, page + 1, pages);
                    for (Object line : lines.subList(page * perPage, Math.min(lines.size(), (page + 1) * perPage))) {
                        y = line instanceof String note ? drawing.note(note, y) : drawing.row(castRow(line), y, false);
                    }
                }
            }
            document.save(out);
        }
    }

    private static boolean landscape(ReportTable table) {
        return table.columns().size() > 6;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> castRow(Object line) {
        return (List<Object>) line;
    }

    /** The font file parsed once per run of the app; callers hold the lock on {@link #FONTS}. */
    private static TrueTypeFont parsed(String file) throws IOException {
        TrueTypeFont font = FONTS.get(file);
        if (font == null) {
            try (InputStream in = PdfExport.class.getResourceAsStream("fonts/" + file)) {
                if (in == null) {
                    throw new IOException("Font " + file + " is missing from the application");
                }
                font = new TTFParser().parse(new RandomAccessReadBuffer(in));
            }
            FONTS.put(file, font);
        }
        return font;
    }

    /** Each column's width: its widest text, scaled down together when the table is wider than the page. */
    private static float[] widths(ReportTable table, Widths regular, Widths bold, float available) {
        int count = table.columns().size();
        float[] widths = new float[count];
        for (int column = 0; column < count; column++) {
            widths[column] = bold.of(table.columns().get(column).header()) + 2 * PADDING;
        }
        for (List<Object> row : table.rows()) {
            for (int column = 0; column < count; column++) {
                widths[column] = Math.max(widths[column], regular.of(ReportTable.text(row.get(column))) + 2 * PADDING);
            }
        }
        // too wide: cut only the widest columns, down to one common cap, so numbers and names keep their room
        if (sum(widths, Float.MAX_VALUE) > available) {
            float low = 0;
            float high = available;
            for (int step = 0; step < 30; step++) {
                float cap = (low + high) / 2;
                if (sum(widths, cap) > available) {
                    high = cap;
                } else {
                    low = cap;
                }
            }
            for (int column = 0; column < count; column++) {
                widths[column] = Math.min(widths[column], low);
            }
        }
        return widths;
    }

    private static float sum(float[] widths, float cap) {
        float total = 0;
        for (float width : widths) {
            total += Math.min(width, cap);
        }
        return total;
    }

    static float width(PDType0Font font, String text) {
        try {
            return font.getStringWidth(text) / 1000 * SIZE;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (IllegalArgumentException noGlyph) {
            return text.length() * SIZE * 0.6f;
        }
    }

    /**
     * Text widths in one font at the table's size, each text measured once per document: a cell's width was asked for
     * three times (column widths, fitting, right alignment), and PDFBox encodes the whole text for each answer.
     */
    private static final class Widths {
        private final PDType0Font font;
        private final java.util.Map<String, Float> known = new java.util.HashMap<>();

        Widths(PDType0Font font) {
            this.font = font;
        }

        float of(String text) {
            Float width = known.get(text);
            if (width == null) {
                width = width(font, text);
                known.put(text, width);
            }
            return width;
        }
    }

    /** Draws one page. */
    private record Page(PDPageContentStream content, Widths regular, Widths bold, PDRectangle size, float[] widths) {
        float header(ReportTable table, LocalDate printedOn, int page, int pages) throws IOException {
            float y = size.getHeight() - MARGIN - 12;
            text(bold, 13, MARGIN, y, table.title());
            String pageText = Messages.text("reports.page", page, pages);
            text(regular, SIZE, size.getWidth() - MARGIN - regular.of(pageText), y, pageText);
            y -= LINE + 2;
            String printed = Messages.text("reports.printed-on", printedOn.toString());
            text(regular, SIZE, MARGIN, y, printed);
            for (String detail : table.details()) {
                y -= LINE;
                text(regular, SIZE, MARGIN, y, fit(regular, detail, size.getWidth() - 2 * MARGIN));
            }
            y -= LINE + 4;
            List<Object> headers = new ArrayList<>();
            table.columns().forEach(column -> headers.add(column.header()));
            y = row(headers, y, true);
            content.setLineWidth(0.6f);
            content.moveTo(MARGIN, y + LINE - 3);
            content.lineTo(size.getWidth() - MARGIN, y + LINE - 3);
            content.stroke();
            return y;
        }

        float row(List<Object> cells, float y, boolean heading) throws IOException {
            float x = MARGIN;
            Widths font = heading ? bold : regular;
            for (int column = 0; column < cells.size(); column++) {
                Object cell = cells.get(column);
                String text = fit(font, ReportTable.text(cell), widths[column] - 2 * PADDING);
                float left = cell instanceof Number ? x + widths[column] - PADDING - font.of(text) : x + PADDING;
                text(font, SIZE, left, y, text);
                x += widths[column];
            }
            return y - LINE;
        }

        float note(String text, float y) throws IOException {
            text(regular, SIZE, MARGIN, y, fit(regular, text, size.getWidth() - 2 * MARGIN));
            return y - LINE;
        }

        private void text(Widths font, float fontSize, float x, float y, String text) throws IOException {
            if (text.isEmpty()) {
                return;
            }
            content.beginText();
            content.setFont(font.font, fontSize);
            content.newLineAtOffset(x, y);
            content.showText(text);
            content.endText();
        }

        private static String fit(Widths font, String text, float room) {
            String clean = text.indexOf('\r') < 0 && text.indexOf('\n') < 0 && text.indexOf('\t') < 0
                    ? text
                    : BREAKS.matcher(text).replaceAll(" ");
            if (font.of(clean) <= room + 0.5f) {
                return clean;
            }
            int end = Math.min(clean.length(), (int) (room / (SIZE * 0.25f)) + 1);
            while (end > 0 && width(font.font, clean.substring(0, end) + "…") > room) {
                end--;
            }
            return clean.substring(0, end) + "…";
        }
    }
}
