package org.tandem.indicator;

/** What a history entry is about: a target, an actual, or a step of the actuals workflow. */
enum ChangeKind {
    TARGET,
    ACTUAL,
    WORKFLOW
}
