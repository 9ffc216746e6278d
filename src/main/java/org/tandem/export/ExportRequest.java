package org.tandem.export;

import java.util.Locale;

import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.QueryParam;

/**
 * What an export is asked for with: the {@code format} query parameter (a plain link) or else {@code Accept}, and
 * {@code Accept-Language} for the headers' language. {@link FormatParameter} has refused an unknown format already.
 */
public class ExportRequest {

    @QueryParam(FormatParameter.NAME)
    String format;

    @HeaderParam("Accept")
    String accept;

    @HeaderParam("Accept-Language")
    String acceptLanguage;

    Format format() {
        if (format != null && !format.isBlank()) {
            return Format.named(format).orElseThrow(() -> FormatParameter.unknown(format));
        }
        return Format.of(accept);
    }

    Language language() {
        if (acceptLanguage == null || acceptLanguage.isBlank()) {
            return Language.ZH;
        }
        try {
            return Language.of(Locale.LanguageRange.parse(acceptLanguage).stream()
                    .map(range -> Locale.forLanguageTag(range.getRange())).toList());
        } catch (IllegalArgumentException e) {
            return Language.ZH;
        }
    }
}
