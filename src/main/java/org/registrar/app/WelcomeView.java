package org.registrar.app;

import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import org.registrar.i18n.Messages;
import org.registrar.ui.Fxml;

/**
 * The first start of a copy with no server configured: connect to the school's server, or explore the demo data
 * (nothing is generated until the user chooses it). With demo mode forbidden by the machine file only the connection
 * is offered, and the card says who turned the demo off. Its layout is WelcomeView.fxml.
 */
final class WelcomeView {
    private final Parent root;
    private final Runnable connect;
    private final Runnable demo;

    @FXML
    private VBox card;

    @FXML
    private VBox demoTile;

    @FXML
    private Label demoText;

    @FXML
    private Button demoButton;

    @FXML
    private Label note;

    WelcomeView(boolean demoAllowed, int demoStudents, Runnable connect, Runnable demo) {
        this.connect = connect;
        this.demo = demo;
        root = Fxml.load(this);
        if (demoAllowed) {
            demoText.setText(Messages.text("shell.welcome.demo.text", demoStudents));
        } else {
            demoText.setText(Messages.text("shell.welcome.demo.off"));
            demoText.setId("welcome-demo-off");
            demoTile.getChildren().remove(demoButton);
            demoTile.getStyleClass().add("welcome-tile-off");
            card.getChildren().remove(note);
        }
    }

    @FXML
    private void connect() {
        connect.run();
    }

    @FXML
    private void demo() {
        demo.run();
    }

    Parent root() {
        return root;
    }
}
