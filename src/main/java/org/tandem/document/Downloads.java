package org.tandem.document;

import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The HTTP of sending a file: which bytes a Range header asks for, and how the file's name is given. */
final class Downloads {

    private static final Pattern SINGLE_RANGE = Pattern.compile("(?i)^\\s*bytes\\s*=\\s*(\\d{0,18})\\s*-\\s*(\\d{0,18})\\s*$");
    /** RFC 5987 attr-char besides letters and digits: sent as they are, everything else percent-encoded. */
    private static final String ATTR_CHARS = "!#$&+-.^_`|~";

    private Downloads() {
    }

    /** Bytes {@code from} to {@code to} of a file, both included. */
    record Span(long from, long to) {

        long length() {
            return to - from + 1;
        }
    }

    /** A Range no byte of the file satisfies (416). */
    static final class Unsatisfiable extends Exception {
        private static final long serialVersionUID = 1L;

        Unsatisfiable() {
            super(null, null, false, false);
        }
    }

    /**
     * The one range of bytes {@code header} asks for in a file of {@code size} bytes (RFC 9110 14.2), or null when
     * the whole file is to be sent: no header, one the server may ignore (not bytes, malformed, several ranges).
     */
    static Span range(String header, long size) throws Unsatisfiable {
        if (header == null) {
            return null;
        }
        Matcher matcher = SINGLE_RANGE.matcher(header);
        if (!matcher.matches() || matcher.group(1).isEmpty() && matcher.group(2).isEmpty()) {
            return null;
        }
        if (matcher.group(1).isEmpty()) {
            long suffix = Long.parseLong(matcher.group(2));
            if (suffix == 0 || size == 0) {
                throw new Unsatisfiable();
            }
            return new Span(Math.max(0, size - suffix), size - 1);
        }
        long from = Long.parseLong(matcher.group(1));
        long to = matcher.group(2).isEmpty() ? Long.MAX_VALUE : Long.parseLong(matcher.group(2));
        if (to < from) {
            return null;
        }
        if (from >= size) {
            throw new Unsatisfiable();
        }
        return new Span(from, Math.min(to, size - 1));
    }

    /**
     * A Content-Disposition naming the file (RFC 6266): {@code filename*} carries the name exactly, in UTF-8
     * (RFC 8187), {@code filename} an ASCII stand-in for clients that know only that.
     */
    static String disposition(String type, String fileName) {
        StringBuilder ascii = new StringBuilder();
        StringBuilder encoded = new StringBuilder();
        fileName.codePoints().forEach(c -> ascii.append(c >= 0x20 && c < 0x7f && c != '"' && c != '\\' && c != '%'
                ? (char) c
                : '_'));
        for (byte b : fileName.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c < 0x80 && (Character.isLetterOrDigit(c) || ATTR_CHARS.indexOf(c) >= 0)) {
                encoded.append((char) c);
            } else {
                encoded.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return type + "; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded;
    }
}
