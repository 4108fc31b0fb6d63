package org.registrar.reports;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Locale;

/** The files a report can be saved as, each written by its library (ADR 0053). */
public enum ExportFormat {
    PDF("pdf"),
    XLSX("xlsx"),
    CSV("csv");

    private final String extension;

    ExportFormat(String extension) {
        this.extension = extension;
    }

    public String extension() {
        return extension;
    }

    /** The format named {@code name} (pdf, xlsx, csv; any case). */
    public static ExportFormat named(String name) {
        return valueOf(name.strip().toUpperCase(Locale.ROOT));
    }

    /**
     * Writes {@code table} to {@code file} in this format, through a temporary file beside it so a failed export
     * leaves no half file. Blocking (file I/O): never on the FX thread.
     */
    public void write(ReportTable table, Path file, LocalDate printedOn) throws IOException {
        Path partial = file.resolveSibling(file.getFileName() + ".part");
        try (var out = java.nio.file.Files.newOutputStream(partial)) {
            switch (this) {
                case PDF -> PdfExport.write(table, printedOn, out);
                case XLSX -> XlsxExport.write(table, out);
                case CSV -> CsvExport.write(table, out);
            }
        } catch (IOException | RuntimeException failed) {
            java.nio.file.Files.deleteIfExists(partial);
            throw failed;
        }
        java.nio.file.Files.move(
                partial,
                file,
                java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }
}
