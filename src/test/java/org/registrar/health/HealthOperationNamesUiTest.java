package org.registrar.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javafx.collections.FXCollections;
import javafx.scene.Scene;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.registrar.i18n.Messages;
import org.registrar.metrics.OperationStats;
import org.registrar.metrics.StatementSample;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Health screen's tables name operations as support staff expect them ("Schülerseite laden"), in the chosen
 * language, not with the status bar's phrase for the operation done ("Schülerseite geladen").
 */
class HealthOperationNamesUiTest {
    private Stage stage;

    @BeforeEach
    void german() throws Exception {
        stage = FxToolkit.registerPrimaryStage();
        Messages.use(Locale.GERMAN);
    }

    @AfterEach
    void english() throws Exception {
        FxToolkit.cleanupStages();
        Messages.use(Locale.ENGLISH);
    }

    @Test
    void theOperationsTableInGermanShowsTheGermanOperationName() throws Exception {
        TableView<OperationStats> table = WaitForAsyncUtils.asyncFx(
                        () -> HealthTables.operations(FXCollections.observableArrayList(
                                new OperationStats("Open students page", 12, 1.0, 1, 4.5, 9.0, 0),
                                new OperationStats("Save results", 2, 3.0, 3, 12.0, 14.0, 0))))
                .get(10, TimeUnit.SECONDS);

        assertThat(shownOperations(table)).containsExactly("Schülerseite laden", "Ergebnisse speichern");
    }

    @Test
    void theSlowestStatementsTableNamesTheirOperationsToo() throws Exception {
        TableView<StatementSample> table = WaitForAsyncUtils.asyncFx(
                        () -> HealthTables.slowest(FXCollections.observableArrayList(new StatementSample(
                                "SELECT 1", 5_000_000, "Open students page", false, java.time.Instant.now()))))
                .get(10, TimeUnit.SECONDS);

        assertThat(shownOperations(table)).containsExactly("Schülerseite laden");
    }

    /** The texts the "Vorgang" column's cells show, top to bottom. */
    private List<String> shownOperations(TableView<?> table) throws Exception {
        String header = Messages.text("health.column.operation");
        WaitForAsyncUtils.asyncFx(() -> {
                    stage.setScene(new Scene(table, 900, 300));
                    stage.show();
                })
                .get(10, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        return WaitForAsyncUtils.asyncFx(() -> {
                    table.applyCss();
                    table.layout();
                    return table.lookupAll(".table-cell").stream()
                            .filter(node -> node instanceof TableCell<?, ?> cell
                                    && cell.getTableColumn() != null
                                    && header.equals(cell.getTableColumn().getText())
                                    && cell.getIndex() >= 0
                                    && cell.getIndex() < table.getItems().size())
                            .sorted(java.util.Comparator.comparingInt(node -> ((TableCell<?, ?>) node).getIndex()))
                            .map(node -> ((TableCell<?, ?>) node).getText())
                            .toList();
                })
                .get(10, TimeUnit.SECONDS);
    }
}
