package org.tandem.scoring;

/**
 * One problem in a scheme. {@code path} names the offending part with codes rather than list
 * positions, e.g. {@code tracks[DIGITAL_ASSIST].weight} or {@code indicators[X].function.cap}, so a
 * client can point at it even after reordering.
 */
public record Violation(String path, String message) {
    public Violation {
        Codes.require(path, "path");
        Codes.require(message, "message");
    }
}
