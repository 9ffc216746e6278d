package org.tandem.scheme;

enum SchemeStatus {
    DRAFT,
    PUBLISHED
}
