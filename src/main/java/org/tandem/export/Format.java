package org.tandem.export;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jakarta.ws.rs.core.MediaType;

/** The spreadsheet formats an export is written in: its media type, its file extension, its {@code format} name. */
public enum Format {
    CSV(Exports.CSV, "csv"),
    XLSX(Exports.XLSX, "xlsx");

    final MediaType mediaType;
    final String extension;

    Format(String mediaType, String extension) {
        this.mediaType = MediaType.valueOf(mediaType);
        this.extension = extension;
    }

    /** The format a {@code format} query parameter names, if any. */
    static Optional<Format> named(String name) {
        String lower = name.trim().toLowerCase(Locale.ROOT);
        for (Format format : values()) {
            if (format.extension.equals(lower)) {
                return Optional.of(format);
            }
        }
        return Optional.empty();
    }

    /** The first export format {@code accept} names, most preferred first; CSV if it names none. */
    static Format of(String accept) {
        for (MediaType type : acceptable(accept)) {
            for (Format format : values()) {
                if (!type.isWildcardType() && !type.isWildcardSubtype() && format.mediaType.isCompatible(type)) {
                    return format;
                }
            }
        }
        return CSV;
    }

    /** The media types of an {@code Accept} header, most preferred first (by q, then in their order). */
    static List<MediaType> acceptable(String accept) {
        List<MediaType> types = new ArrayList<>();
        if (accept == null) {
            return types;
        }
        for (String part : accept.split(",")) {
            try {
                MediaType type = MediaType.valueOf(part.trim());
                if (quality(type) > 0) {
                    types.add(type);
                }
            } catch (IllegalArgumentException e) {
                // An unreadable entry names nothing.
            }
        }
        types.sort(Comparator.comparingDouble(Format::quality).reversed());
        return types;
    }

    private static double quality(MediaType type) {
        try {
            return Double.parseDouble(type.getParameters().getOrDefault("q", "1"));
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
