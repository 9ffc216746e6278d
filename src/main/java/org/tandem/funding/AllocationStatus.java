package org.tandem.funding;

enum AllocationStatus {
    DRAFT,
    APPROVED
}
