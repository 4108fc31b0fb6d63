package org.registrar.health;

import java.util.EnumMap;
import java.util.Map;
import javafx.scene.layout.Background;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;
import javafx.scene.text.Font;
import javafx.scene.text.Text;

/**
 * The colours and fonts a canvas chart draws with, taken from the active AtlantaFX theme: hidden nodes styled
 * with the theme's colour variables, so a theme switch (light/dark) restyles them and the chart redraws.
 */
final class ChartPalette {
    /** The theme colours a chart uses. Line colours are the theme's semantic foregrounds. */
    enum Role {
        TEXT("-color-fg-default"),
        MUTED("-color-fg-muted"),
        GRID("-color-border-muted"),
        AXIS("-color-border-default"),
        BACKGROUND("-color-bg-default"),
        ACCENT("-color-accent-fg"),
        SUCCESS("-color-success-fg"),
        WARNING("-color-warning-fg"),
        DANGER("-color-danger-fg"),
        VIOLET("-color-chart-6"),
        EVENT("-color-danger-emphasis");

        private final String variable;

        Role(String variable) {
            this.variable = variable;
        }
    }

    private final Pane holder = new Pane();
    private final Map<Role, Region> swatches = new EnumMap<>(Role.class);
    private final Text titleFont = new Text();
    private final Text smallFont = new Text();

    /** @param changed run whenever the theme changes a colour or font */
    ChartPalette(Runnable changed) {
        // plain regions and texts: a forced CSS pass over them costs far less than over labels
        for (Role role : Role.values()) {
            Region swatch = new Region();
            swatch.setStyle("-fx-background-color: " + role.variable + ";");
            swatch.backgroundProperty().addListener(obs -> changed.run());
            swatches.put(role, swatch);
            holder.getChildren().add(swatch);
        }
        titleFont.setStyle("-fx-font-size: 0.95em; -fx-font-weight: bold;");
        smallFont.setStyle("-fx-font-size: 0.8em;");
        titleFont.fontProperty().addListener(obs -> changed.run());
        smallFont.fontProperty().addListener(obs -> changed.run());
        holder.getChildren().addAll(titleFont, smallFont);
        // kept in the scene (so CSS styles it) but never shown or laid out
        holder.setManaged(false);
        holder.setOpacity(0);
        holder.setMouseTransparent(true);
        holder.resize(0, 0);
    }

    /** The node to add to the chart so the theme reaches the swatches. */
    Pane node() {
        return holder;
    }

    Color color(Role role) {
        Background background = swatches.get(role).getBackground();
        Paint paint = background == null || background.getFills().isEmpty()
                ? null
                : background.getFills().get(0).getFill();
        return paint instanceof Color color ? color : Color.GRAY;
    }

    Font titleFont() {
        return titleFont.getFont();
    }

    Font smallFont() {
        return smallFont.getFont();
    }
}
