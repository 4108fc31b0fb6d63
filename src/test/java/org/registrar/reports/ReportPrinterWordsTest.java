package org.registrar.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;
import javafx.print.Printer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.registrar.i18n.Messages;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** Printing on a computer without a printer says so in the chosen language (it said "no printer" in every one). */
class ReportPrinterWordsTest {
    @AfterEach
    void english() {
        Messages.use(Locale.ENGLISH);
    }

    @Test
    void withoutAPrinterTheReasonIsInTheChosenLanguage() throws Exception {
        FxToolkit.registerPrimaryStage();
        assumeTrue(
                WaitForAsyncUtils.asyncFx(() -> Printer.getDefaultPrinter() == null)
                        .get(),
                "this machine has a printer");
        Messages.use(Locale.GERMAN);
        ReportTable table = new ReportTable(
                "t", "T", List.of(), List.of(new ReportTable.Column("A", ReportTable.Kind.TEXT)), List.of(), List.of());
        AtomicReference<String> told = new AtomicReference<>();

        WaitForAsyncUtils.asyncFx(() -> new ReportPrinter().print(table, null, told::set))
                .get();

        assertThat(told.get()).isEqualTo("Nicht gedruckt: auf diesem Computer ist kein Drucker eingerichtet");
    }
}
