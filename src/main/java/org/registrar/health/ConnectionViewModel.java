package org.registrar.health;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.registrar.db.Database;
import org.registrar.db.DatabaseErrors;
import org.registrar.i18n.Messages;
import org.registrar.tasks.Tasks;

/**
 * State of the Connection screen: the diagnostics report and what the database holds. Loads off the FX thread
 * and drops answers a newer request superseded. Use on the FX thread only.
 */
public final class ConnectionViewModel {
    static final String OPERATION = "Check connection";

    private final Tasks tasks;
    private final Diagnostics diagnostics;
    private final DataSummaryRepository summaries;
    private final Database database;
    private final StringProperty verdict = new SimpleStringProperty("");
    private final BooleanProperty healthy = new SimpleBooleanProperty();
    private final StringProperty details = new SimpleStringProperty("");
    private final StringProperty data = new SimpleStringProperty("");
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final ObservableList<DiagnosticStep> steps = FXCollections.observableArrayList();
    private final ObservableList<DiagnosticStep> shownSteps = FXCollections.unmodifiableObservableList(steps);
    private final StringProperty reportText = new SimpleStringProperty("");
    private long latest;

    public ConnectionViewModel(Tasks tasks, Diagnostics diagnostics, Database database) {
        this.tasks = tasks;
        this.diagnostics = diagnostics;
        this.database = database;
        this.summaries = new DataSummaryRepository(database.jdbi());
    }

    /** Runs the checks again. */
    public void refresh() {
        long ticket = ++latest;
        busy.set(true);
        tasks.runLocal(OPERATION, () -> new Result(diagnostics.run(), summaryOrNull()))
                .onDone(result -> {
                    if (ticket == latest) {
                        show(result);
                        busy.set(false);
                    }
                })
                .onError(error -> {
                    if (ticket == latest) {
                        verdict.set(DatabaseErrors.describe(error));
                        healthy.set(false);
                        busy.set(false);
                    }
                });
    }

    private DataSummaryRepository.DataSummary summaryOrNull() {
        try {
            return summaries.summary();
        } catch (RuntimeException unreachable) {
            return null;
        }
    }

    private void show(Result result) {
        DiagnosticsReport report = result.report();
        verdict.set(report.verdict());
        healthy.set(report.healthy());
        steps.setAll(report.steps());
        reportText.set(report.text());
        details.set(String.join("\n", report.lines().subList(0, report.lines().size() - 1)));
        var summary = result.summary();
        data.set(
                summary == null
                        ? (report.reachable() ? Messages.text("health.data.notReadable") : "-")
                        : Messages.text(
                                "health.data.summary",
                                summary.students(),
                                summary.cohorts(),
                                summary.mentors(),
                                summary.assessments(),
                                summary.results()));
    }

    public String applicationName() {
        return org.registrar.db.ApplicationName.forThisDesktop();
    }

    public String target() {
        return database.profile().describe();
    }

    public ReadOnlyStringProperty verdictProperty() {
        return verdict;
    }

    public ReadOnlyBooleanProperty healthyProperty() {
        return healthy;
    }

    public ReadOnlyStringProperty detailsProperty() {
        return details;
    }

    public ReadOnlyStringProperty dataProperty() {
        return data;
    }

    /** The steps of the last check, in order; empty until the first check ends. */
    public ObservableList<DiagnosticStep> steps() {
        return shownSteps;
    }

    /** The last check's report as plain text for a support ticket; empty until the first check ends. */
    public ReadOnlyStringProperty reportTextProperty() {
        return reportText;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy;
    }

    private record Result(DiagnosticsReport report, DataSummaryRepository.DataSummary summary) {}
}
