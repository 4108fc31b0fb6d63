package org.registrar.reports;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.print.PageLayout;
import javafx.print.PrinterJob;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;
import javafx.stage.Window;
import org.registrar.i18n.Messages;

/**
 * Prints a report through JavaFX's {@link PrinterJob}: the page setup and print dialogs on the FX thread, then the
 * pages laid out and sent on a thread of their own (nodes outside any scene), so the screen keeps answering. Every
 * page repeats the title, the date and "page n of m" and the table's header row, as the PDF does.
 */
final class ReportPrinter {
    void print(ReportTable shown, Window owner, Consumer<String> told) {
        if (shown == null) {
            return;
        }
        PrinterJob job = PrinterJob.createPrinterJob();
        if (job == null) {
            told.accept(Messages.text("reports.print-failed", Messages.text("reports.no-printer")));
            return;
        }
        if (!job.showPageSetupDialog(owner) || !job.showPrintDialog(owner)) {
            job.cancelJob();
            return;
        }
        LocalDate today = LocalDate.now();
        Thread printing = new Thread(
                () -> {
                    int pages = PdfExport.pages(shown);
                    boolean printed = true;
                    for (int page = 0; page < pages && printed; page++) {
                        printed = job.printPage(page(shown, job.getJobSettings().getPageLayout(), today, page, pages));
                    }
                    boolean ended = printed && job.endJob();
                    Platform.runLater(() -> told.accept(
                            ended
                                    ? Messages.text("reports.printed", pages)
                                    : Messages.text("reports.print-failed", String.valueOf(job.getJobStatus()))));
                },
                "registrar-print");
        printing.setDaemon(true);
        printing.start();
    }

    private static VBox page(ReportTable table, PageLayout layout, LocalDate today, int page, int pages) {
        VBox box = new VBox(4);
        box.setPrefWidth(layout.getPrintableWidth());
        Text heading = new Text(table.title());
        heading.setFont(Font.font(null, FontWeight.BOLD, 13));
        box.getChildren().add(heading);
        box.getChildren()
                .add(small(Messages.text("reports.printed-on", today.toString()) + " · "
                        + Messages.text("reports.page", page + 1, pages)));
        table.details().forEach(line -> box.getChildren().add(small(line)));
        GridPane grid = new GridPane();
        grid.setHgap(8);
        for (int column = 0; column < table.columns().size(); column++) {
            Text header = small(table.columns().get(column).header());
            header.setFont(Font.font(null, FontWeight.BOLD, 8));
            grid.add(header, column, 0);
        }
        List<Object> lines = new ArrayList<>(table.rows());
        lines.addAll(table.notes());
        int perPage = PdfExport.rowsPerPage(table);
        int row = 1;
        for (Object line : lines.subList(page * perPage, Math.min(lines.size(), (page + 1) * perPage))) {
            if (line instanceof List<?> cells) {
                for (int column = 0; column < cells.size(); column++) {
                    grid.add(small(ReportTable.text(cells.get(column))), column, row);
                }
            } else {
                grid.add(small(line.toString()), 0, row, table.columns().size(), 1);
            }
            row++;
        }
        box.getChildren().add(grid);
        return box;
    }

    private static Text small(String text) {
        Text node = new Text(text);
        node.setFont(Font.font(8));
        return node;
    }
}
