package org.tandem.indicator;

/**
 * SET and REMOVE change a value; SUBMIT, CONFIRM (a county's), APPROVE and RETURN are workflow steps; WITHDRAW takes
 * back an approval because the actuals changed after it.
 */
enum ChangeAction {
    SET,
    REMOVE,
    SUBMIT,
    CONFIRM,
    APPROVE,
    RETURN,
    WITHDRAW
}
