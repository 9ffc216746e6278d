package org.tandem.indicator;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

import org.tandem.TrackedEntity;
import org.tandem.problem.ProblemException;

/**
 * A programme's approval chain for its pair-years' actuals, lowest level first. A programme without one has the
 * {@link #DEFAULT} chain: the province alone, after a county's submission (how every programme worked before).
 */
@Entity
class ApprovalChain extends TrackedEntity {

    static final List<ApprovalLevel> DEFAULT = List.of(ApprovalLevel.PROVINCE);

    @Id
    public Long programId;
    /** Comma-separated, lowest first. */
    public String levels;

    /** The chain of the programme with this id: its own, or the default. */
    static List<ApprovalLevel> of(long programId) {
        ApprovalChain chain = findById(programId);
        return chain == null ? DEFAULT : chain.levels();
    }

    List<ApprovalLevel> levels() {
        return Arrays.stream(levels.split(",")).map(ApprovalLevel::valueOf).toList();
    }

    /**
     * Refuses (400 naming levels) a chain that is empty, repeats a level, goes downward, or does not end with the
     * province: assessments read only actuals the province approved.
     */
    static void check(List<ApprovalLevel> levels) {
        if (levels.isEmpty()) {
            throw ProblemException.invalid("levels", "must name at least PROVINCE");
        }
        for (int i = 1; i < levels.size(); i++) {
            if (levels.get(i).ordinal() <= levels.get(i - 1).ordinal()) {
                throw ProblemException.invalid("levels", "must go upward without repeating a level, in the order "
                        + Arrays.toString(ApprovalLevel.values()));
            }
        }
        if (levels.get(levels.size() - 1) != ApprovalLevel.PROVINCE) {
            throw ProblemException.invalid("levels", "must end with PROVINCE");
        }
    }

    void replace(List<ApprovalLevel> wanted) {
        List<String> names = new ArrayList<>();
        wanted.forEach(level -> names.add(level.name()));
        levels = String.join(",", names);
    }

    /** The level after {@code level} in {@code chain}, or null when it is the last. */
    static ApprovalLevel after(List<ApprovalLevel> chain, ApprovalLevel level) {
        int at = chain.indexOf(level);
        return at + 1 < chain.size() ? chain.get(at + 1) : null;
    }
}
