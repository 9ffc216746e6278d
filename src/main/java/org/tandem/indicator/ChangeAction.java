package org.tandem.indicator;

/** SET and REMOVE change a value; SUBMIT, APPROVE and RETURN are workflow steps. */
enum ChangeAction {
    SET,
    REMOVE,
    SUBMIT,
    APPROVE,
    RETURN
}
