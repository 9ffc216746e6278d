package org.tandem.registry;

public enum PairingStatus {
    ACTIVE,
    SUSPENDED,
    DISSOLVED
}
