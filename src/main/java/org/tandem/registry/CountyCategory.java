package org.tandem.registry;

/** How the reference data classes a county; a programme's own designation is what rules inside it. */
public enum CountyCategory {
    INDUSTRIAL,
    MOUNTAIN,
    OTHER
}
