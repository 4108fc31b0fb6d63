package org.registrar.dialogs;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.registrar.i18n.Messages;

/** The real dialogs, owned by the window {@code owner} supplies (the main window once it is shown). FX thread only. */
public final class FxDialogService implements DialogService {
    private final Supplier<Window> owner;

    public FxDialogService(Supplier<Window> owner) {
        this.owner = owner;
    }

    @Override
    public <R> void ask(Dialog<R> dialog, Consumer<Optional<R>> answer) {
        own(dialog);
        dialog.setOnHidden(event -> answer.accept(Optional.ofNullable(dialog.getResult())));
        dialog.show();
    }

    @Override
    public void confirm(Question question, Runnable onConfirm, Runnable onDecline) {
        ButtonType yes = new ButtonType(question.confirmLabel(), ButtonBar.ButtonData.OK_DONE);
        ButtonType no = new ButtonType(question.declineLabel(), ButtonBar.ButtonData.CANCEL_CLOSE);
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.setTitle(question.title());
        dialog.setHeaderText(question.header());
        dialog.setContentText(question.text());
        dialog.getDialogPane().getButtonTypes().setAll(yes, no);
        dialog.getDialogPane().setId(question.id());
        ask(dialog, result -> {
            if (result.filter(yes::equals).isPresent()) {
                onConfirm.run();
            } else {
                onDecline.run();
            }
        });
    }

    @Override
    public void inform(String header, String text) {
        alert(Alert.AlertType.INFORMATION, header, text);
    }

    @Override
    public void showError(String header, String text) {
        alert(Alert.AlertType.ERROR, header, text);
    }

    @Override
    public Optional<Path> chooseFileToOpen(FileRequest request) {
        return Optional.ofNullable(chooser(request).showOpenDialog(owner.get())).map(File::toPath);
    }

    @Override
    public Optional<Path> chooseFileToSave(FileRequest request) {
        return Optional.ofNullable(chooser(request).showSaveDialog(owner.get())).map(File::toPath);
    }

    private void alert(Alert.AlertType type, String header, String text) {
        Alert alert = new Alert(type);
        alert.setTitle(Messages.text("messages.alert.title"));
        alert.setHeaderText(header);
        alert.setContentText(text);
        own(alert);
        alert.show();
    }

    private void own(Dialog<?> dialog) {
        Window window = owner.get();
        if (window != null && dialog.getOwner() == null) {
            dialog.initOwner(window);
        }
    }

    private static FileChooser chooser(FileRequest request) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(request.title());
        chooser.setInitialFileName(request.suggestedName().isEmpty() ? null : request.suggestedName());
        if (request.initialFolder() != null && Files.isDirectory(request.initialFolder())) {
            chooser.setInitialDirectory(request.initialFolder().toFile());
        }
        request.kinds()
                .forEach(kind -> chooser.getExtensionFilters()
                        .add(new FileChooser.ExtensionFilter(kind.description(), kind.patterns())));
        return chooser;
    }
}
