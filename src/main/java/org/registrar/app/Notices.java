package org.registrar.app;

import javafx.scene.control.Alert;
import javafx.stage.Window;

/** Small informational dialogs owned by the main window. */
final class Notices {
    private Notices() {}

    static void info(Window owner, String header, String text) {
        Alert alert = new Alert(Alert.AlertType.INFORMATION);
        alert.initOwner(owner);
        alert.setTitle("Registrar");
        alert.setHeaderText(header);
        alert.setContentText(text);
        alert.show();
    }
}
