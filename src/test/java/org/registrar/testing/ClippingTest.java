package org.registrar.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** The clipping check sees what a user sees cut, and stays quiet on a window where everything fits. */
class ClippingTest {
    private Stage stage;

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @AfterEach
    void close() throws Exception {
        if (stage != null) {
            WaitForAsyncUtils.asyncFx(stage::close).get(10, TimeUnit.SECONDS);
        }
    }

    private List<String> shown(javafx.scene.Parent root, double width, double height) throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
                    stage = new Stage();
                    stage.setScene(new Scene(root, width, height));
                    stage.show();
                })
                .get(10, TimeUnit.SECONDS);
        return Clipping.in(stage);
    }

    @Test
    void aButtonTooNarrowForItsTextIsNamed() throws Exception {
        Button save = new Button("Save valid rows");
        save.setId("save-valid");
        save.setMaxWidth(40);
        save.setPrefWidth(40);
        HBox row = new HBox(save);

        assertThat(shown(row, 300, 100))
                .singleElement()
                .asString()
                .contains("#save-valid")
                .contains("instead of \"Save valid rows\"");
    }

    @Test
    void aLabelPlacedBeyondTheWindowIsNamed() throws Exception {
        Label far = new Label("Next");
        far.setId("next");
        far.relocate(280, 10);
        Pane pane = new Pane(far);

        assertThat(shown(pane, 300, 100))
                .anySatisfy(problem -> assertThat(problem).contains("#next").contains("outside the window"));
    }

    @Test
    void aMnemonicIsNotTakenForTruncationAndAFittingWindowHasNoProblems() throws Exception {
        Button keep = new Button("Keep _my changes");
        keep.setMnemonicParsing(true);
        HBox row = new HBox(8, keep, new Label("All fits"));

        assertThat(shown(row, 400, 100)).isEmpty();
        assertThat(Clipping.withoutMnemonic("Deac_tivate")).isEqualTo("Deactivate");
        assertThat(Clipping.withoutMnemonic("a__b")).isEqualTo("a_b");
    }
}
