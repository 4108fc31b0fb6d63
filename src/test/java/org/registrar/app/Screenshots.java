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

    /** Lets pending layout and CSS settle before a snapshot. */
    public static void settle() {
        WaitForAsyncUtils.waitForFxEvents();
        FxToolkit.toolkitContext();
    }
}
