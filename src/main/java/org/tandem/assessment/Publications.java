package org.tandem.assessment;

import org.tandem.registry.Program;

/** What the reports need of a programme-year's objection window (公示). */
public final class Publications {

    private Publications() {
    }

    /** The objection window of programme {@code programId} in {@code year}, or null when it was not published. */
    public static ObjectionViews.Window window(long programId, int year) {
        ObjectionWindow window = ObjectionWindow.find("program = ?1 and year = ?2",
                Program.getEntityManager().getReference(Program.class, programId), year).firstResult();
        return window == null ? null : new ObjectionViews.Window(window.days, window.publishedAt, window.closesAt);
    }
}
