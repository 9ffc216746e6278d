package org.tandem.scoring;

import java.util.Objects;

/** Argument checks shared by the records; codes are the keys everything else is joined on. */
final class Codes {

    private Codes() {
    }

    static String require(String value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
        return value;
    }
}
