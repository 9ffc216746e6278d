package org.tandem.web;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;

/**
 * Every string of a JSON body is valid Unicode text without NUL: an escaped lone surrogate ({@code "\ud800"}) would be
 * stored as {@code ?}, and a NUL (escaped, or sent as the overlong UTF-8 {@code C0 80}, which the parser decodes to
 * NUL) would be stored as a NUL that no client can show or search for. Both are refused as bad input instead.
 */
final class UnicodeText extends StringDeserializer {

    /** The message of the 400 naming such a field. */
    static final String MESSAGE = "must be valid Unicode text without NUL characters";

    @Override
    public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        String value = super.deserialize(parser, context);
        if (value != null && !isText(value)) {
            throw context.weirdStringException(value, String.class, MESSAGE);
        }
        return value;
    }

    /** No NUL, and every surrogate in a pair. */
    static boolean isText(CharSequence value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\0') {
                return false;
            }
            if (Character.isHighSurrogate(c) && i + 1 < value.length()
                    && Character.isLowSurrogate(value.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return false;
            }
        }
        return true;
    }
}
