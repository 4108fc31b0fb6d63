package org.registrar.ui;

import javafx.scene.control.ListView;
import javafx.scene.control.skin.ListViewSkin;

/**
 * A list as tall as its rows, up to {@code maxRows}: a few rows show whole with no scroll bar. The rows are measured
 * as the theme draws them (AtlantaFX: 2.8em a row), as a combo box measures its popup list; a guessed row height cut
 * the one row of a single match and showed a scroll bar beside it. FX thread only.
 */
final class FittedListSkin<T> extends ListViewSkin<T> {
    private final int maxRows;

    FittedListSkin(ListView<T> list, int maxRows) {
        super(list);
        this.maxRows = maxRows;
    }

    @Override
    protected double computePrefHeight(double width, double top, double right, double bottom, double left) {
        // an empty list keeps the height of one row, so it does not flicker shut between two answers
        int rows = Math.max(1, Math.min(maxRows, getSkinnable().getItems().size()));
        double height = 0;
        for (int index = 0; index < rows; index++) {
            height += getVirtualFlow().getCell(index).prefHeight(-1);
        }
        return snapSizeY(height) + top + bottom;
    }
}
