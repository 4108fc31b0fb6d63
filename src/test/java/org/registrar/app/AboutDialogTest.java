package org.registrar.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.registrar.i18n.Messages;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** The About dialog is declared in AboutDialog.fxml and speaks the chosen language (ADR 0045). */
class AboutDialogTest {
    @TempDir
    Path dataHome;

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @AfterEach
    void english() {
        Messages.use(Locale.ENGLISH);
    }

    private Dialog<ButtonType> onFx() throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> AboutDialog.dialog(AboutInfo.of(dataHome)))
                .get(20, TimeUnit.SECONDS);
    }

    @Test
    void theLayoutComesFromItsFxmlWithTheRowsFilledIn() throws Exception {
        Messages.use(Locale.ENGLISH);
        Dialog<ButtonType> dialog = onFx();

        assertThat(dialog.getTitle()).isEqualTo("About Registrar");
        assertThat(dialog.getDialogPane().getId()).isEqualTo("about-dialog");
        assertThat(dialog.getDialogPane().getButtonTypes()).containsExactly(ButtonType.CLOSE);
        assertThat(dialog.getDialogPane().lookup("#about-data-folder"))
                .isInstanceOfSatisfying(
                        Label.class, value -> assertThat(value.getText()).isEqualTo(dataHome.toString()));
    }

    @Test
    void inGermanTheTitleAndHeaderAreGerman() throws Exception {
        Messages.use(Locale.GERMAN);
        Dialog<ButtonType> dialog = onFx();

        assertThat(dialog.getTitle()).isEqualTo("Über Registrar");
        assertThat(dialog.getDialogPane().getHeaderText()).contains("Verwaltungsprogramm");
    }
}
