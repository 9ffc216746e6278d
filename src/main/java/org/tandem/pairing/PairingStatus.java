package org.tandem.pairing;

public enum PairingStatus {
    ACTIVE,
    SUSPENDED,
    DISSOLVED
}
