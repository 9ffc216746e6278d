package org.tandem.scheme;

public enum SchemeStatus {
    DRAFT,
    PUBLISHED
}
