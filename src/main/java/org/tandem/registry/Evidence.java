package org.tandem.registry;

/** How a pairing is known: named as a pair in a public source, or implied by joint work it reports. */
public enum Evidence {
    EXPLICIT,
    IMPLIED
}
