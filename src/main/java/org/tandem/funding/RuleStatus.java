package org.tandem.funding;

enum RuleStatus {
    DRAFT,
    PUBLISHED
}
