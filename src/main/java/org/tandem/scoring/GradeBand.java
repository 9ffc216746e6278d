package org.tandem.scoring;

import java.math.BigDecimal;
import java.util.Objects;

/** A grade (等次): totals from {@code minTotal} up to the next better band's minTotal, exclusive. */
public record GradeBand(String code, String label, BigDecimal minTotal) {
    public GradeBand {
        Codes.require(code, "code");
        Codes.require(label, "label");
        Objects.requireNonNull(minTotal, "minTotal");
    }
}
