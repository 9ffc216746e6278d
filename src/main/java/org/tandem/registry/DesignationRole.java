package org.tandem.registry;

/** The side a county may take in a programme's pairings. */
public enum DesignationRole {
    INDUSTRIAL,
    MOUNTAIN
}
