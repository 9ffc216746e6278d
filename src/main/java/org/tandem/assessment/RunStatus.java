package org.tandem.assessment;

public enum RunStatus {
    RUNNING,
    SUCCEEDED,
    FAILED
}
