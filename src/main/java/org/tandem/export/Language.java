package org.tandem.export;

import java.util.List;
import java.util.Locale;

/** The language of an export's headers: Chinese unless the caller prefers English. */
enum Language {
    ZH,
    EN;

    /** The first of Chinese and English among the caller's languages, most preferred first; else Chinese. */
    static Language of(List<Locale> acceptable) {
        for (Locale locale : acceptable) {
            String language = locale.getLanguage().toLowerCase(Locale.ROOT);
            if (language.equals("en")) {
                return EN;
            }
            if (language.equals("zh")) {
                return ZH;
            }
        }
        return ZH;
    }
}
