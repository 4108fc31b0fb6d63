package org.registrar.app;

import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * The first start of a copy with no server configured: connect to the school's server, or explore the demo data
 * (nothing is generated until the user chooses it). With demo mode forbidden by the machine file only the connection
 * is offered, and the card says who turned the demo off.
 */
final class WelcomeView {
    private final StackPane root = new StackPane();

    WelcomeView(boolean demoAllowed, int demoStudents, Runnable connect, Runnable demo) {
        Label heading = new Label("Welcome to Registrar");
        heading.getStyleClass().add("title-1");
        Label lead = new Label("Registrar works on your school's student records, kept on the school's database"
                + " server. How would you like to begin?");
        lead.getStyleClass().add("welcome-lead");
        lead.setWrapText(true);

        Button connectButton = new Button("Connect to your school's server");
        connectButton.setId("welcome-connect");
        connectButton.getStyleClass().add("accent");
        connectButton.setDefaultButton(true);
        connectButton.setOnAction(event -> connect.run());
        Node server = tile(
                "Your school's records",
                "Enter the server's name and your login, as your school's IT department gave them to you.",
                connectButton);

        Node second;
        if (demoAllowed) {
            Button demoButton = new Button("Explore with demo data");
            demoButton.setId("welcome-demo");
            demoButton.setOnAction(event -> demo.run());
            second = tile(
                    "A made-up school",
                    String.format(
                            "%,d invented students on this computer, to try Registrar out. Nothing typed there"
                                    + " reaches your school's records. Created when you choose it.",
                            demoStudents),
                    demoButton);
        } else {
            second = tile(
                    "A made-up school",
                    "Demo data is turned off on this computer by your school's IT department.",
                    null);
            second.lookup(".welcome-tile-text").setId("welcome-demo-off");
            second.getStyleClass().add("welcome-tile-off");
        }
        HBox choices = new HBox(16, server, second);
        choices.setAlignment(Pos.CENTER);

        Label note = new Label("Registrar remembers your choice for the next start. The server can be changed later"
                + " under Connection.");
        note.getStyleClass().addAll("text-muted", "text-small");
        note.setWrapText(true);

        VBox card = new VBox(20, heading, lead, choices);
        if (demoAllowed) {
            card.getChildren().add(note);
        }
        card.setId("welcome-card");
        card.setAlignment(Pos.CENTER_LEFT);
        card.setMaxWidth(760);
        card.setMaxHeight(Region.USE_PREF_SIZE);
        card.getStyleClass().addAll("startup-card", "welcome-card");
        root.getChildren().add(card);
        root.getStyleClass().add("startup");
    }

    private static Node tile(String title, String text, Node action) {
        Label heading = new Label(title);
        heading.getStyleClass().add("title-4");
        Label body = new Label(text);
        body.setWrapText(true);
        body.getStyleClass().addAll("text-muted", "welcome-tile-text");
        body.setMinHeight(Region.USE_PREF_SIZE);
        Region spacer = new Region();
        VBox.setVgrow(spacer, Priority.ALWAYS);
        VBox tile = new VBox(10, heading, body, spacer);
        if (action instanceof Region region) {
            region.setMaxWidth(Double.MAX_VALUE);
            tile.getChildren().add(action);
        }
        tile.getStyleClass().add("welcome-tile");
        tile.setPrefWidth(340);
        tile.setMinHeight(190);
        HBox.setHgrow(tile, Priority.ALWAYS);
        return tile;
    }

    Parent root() {
        return root;
    }
}
