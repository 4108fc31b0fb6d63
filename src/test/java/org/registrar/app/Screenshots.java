package org.registrar.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javax.imageio.ImageIO;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** Writes PNG screenshots of what UI tests see to target/screenshots/, for people to look at. */
public final class Screenshots {
    private Screenshots() {}

    public static Path save(Scene scene, String name) {
        Path folder = Path.of(System.getProperty("registrar.screenshots", "target/screenshots"));
        Path file = folder.resolve(name + ".png");
        try {
            Files.createDirectories(file.getParent()); // a name may hold a folder: "small/de-health"
            WritableImage image =
                    WaitForAsyncUtils.asyncFx(() -> scene.snapshot(null)).get();
            ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", file.toFile());
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (Exception e) {
            throw new IllegalStateException("Screenshot " + name + " failed", e);
        }
    }

    /**
     * The scene with an open popup (a list, a menu) drawn over it where it shows on screen: a scene's snapshot
     * leaves out the popup's own window.
     */
    public static Path saveWithPopup(Scene scene, javafx.stage.Window popup, String name) {
        Path folder = Path.of(System.getProperty("registrar.screenshots", "target/screenshots"));
        Path file = folder.resolve(name + ".png");
        try {
            Files.createDirectories(file.getParent());
            java.awt.image.BufferedImage[] images = WaitForAsyncUtils.asyncFx(() -> new java.awt.image.BufferedImage[] {
                        SwingFXUtils.fromFXImage(scene.snapshot(null), null),
                        SwingFXUtils.fromFXImage(popup.getScene().snapshot(null), null)
                    })
                    .get();
            javafx.stage.Window window = scene.getWindow();
            int x = (int) Math.round(popup.getX() + popup.getScene().getX() - window.getX() - scene.getX());
            int y = (int) Math.round(popup.getY() + popup.getScene().getY() - window.getY() - scene.getY());
            java.awt.Graphics2D graphics = images[0].createGraphics();
            graphics.drawImage(images[1], x, y, null);
            graphics.dispose();
            ImageIO.write(images[0], "png", file.toFile());
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (Exception e) {
            throw new IllegalStateException("Screenshot " + name + " failed", e);
        }
    }

    /** Lets pending layout and CSS settle before a snapshot. */
    public static void settle() {
        WaitForAsyncUtils.waitForFxEvents();
        FxToolkit.toolkitContext();
    }
}
