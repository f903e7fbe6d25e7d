package com.assetcollections.query;

import java.text.Normalizer;
import java.util.Locale;

/**
 * The one way text is made case-insensitive, used both when rows are written ({@code *_folded}
 * columns) and when filter values are read, so that "ärger" finds "Ärger" on SQLite as on
 * PostgreSQL (SQLite's own lower() folds only ASCII).
 */
public final class TextFolding {

    private TextFolding() {}

    public static String fold(String text) {
        if (text == null) {
            return null;
        }
        return Normalizer.normalize(text, Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
    }
}
