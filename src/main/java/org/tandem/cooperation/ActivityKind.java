package org.tandem.cooperation;

/** Kinds of dated cooperation events (对接活动 / 培训 / 诊断 / 挂职 / 签约). */
public enum ActivityKind {
    DOCKING_MEETING,
    TRAINING,
    ENTERPRISE_DIAGNOSIS,
    CADRE_SECONDMENT,
    SIGNED_AGREEMENT,
    OTHER
}
