package org.tandem.assessment;

enum RunStatus {
    RUNNING,
    SUCCEEDED,
    FAILED
}
