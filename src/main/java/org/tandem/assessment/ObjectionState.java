package org.tandem.assessment;

import java.util.Arrays;
import java.util.Locale;

import org.tandem.problem.ProblemException;

/** Where an objection stands: OPEN until an assessor upholds or rejects it. */
public enum ObjectionState {
    OPEN,
    UPHELD,
    REJECTED;

    /** The state named by a query parameter, in any case; null for none; 400 for another name. */
    static ObjectionState named(String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        return Arrays.stream(values()).filter(s -> s.name().equals(name.trim().toUpperCase(Locale.ROOT))).findFirst()
                .orElseThrow(() -> ProblemException.invalid("state", "must be one of open, upheld, rejected"));
    }
}
