package org.tandem.document;

import java.time.LocalDate;
import java.time.Year;
import java.time.ZoneId;
import java.util.List;

import jakarta.persistence.EntityManager;

import org.tandem.problem.ProblemException;
import org.tandem.registry.Pairing;

import io.quarkus.hibernate.orm.panache.Panache;

/**
 * Finds the record a subject names, with what the document store needs of it: its pairing, the pair-year its
 * documents count against, the years whose lock refuses a change of its documents, and who writes them. The
 * features' entities stay theirs: this reads their tables.
 */
final class Subjects {

    /** The programme's time: a document attached to no dated record counts against the year it was uploaded in. */
    static final ZoneId PROGRAMME_ZONE = ZoneId.of("Asia/Shanghai");

    private Subjects() {
    }

    /** Who writes the documents of a record, besides admins. */
    enum Writers {
        /** The county editors of the record's pair. */
        PAIR,
        /** Assessors (assessment adjustments). */
        ASSESSORS,
        /** The county editors of the pair and assessors: an objection while it is open. */
        PAIR_AND_ASSESSORS,
        /** Assessors; the pair's county editors are told the record is closed (a resolved objection). */
        ASSESSORS_ONCE_CLOSED
    }

    /** What the subject's record says about its documents. */
    record Target(Subject subject, Pairing pairing, int year, List<Integer> lockedBy, Writers writers) {
    }

    /** The subject's record, or 404 (400 for a year of actuals outside the pairing's programme). */
    static Target find(Subject subject) {
        EntityManager em = Panache.getEntityManager();
        int thisYear = Year.now(PROGRAMME_ZONE).getValue();
        switch (subject.kind()) {
            case PROJECT: {
                Long pairing = first(em.createNativeQuery("select pairing_id from cooperation_project where id = :id")
                        .setParameter("id", subject.id()).getResultList(), "project", subject.id());
                @SuppressWarnings("unchecked")
                List<Number> years = em.createNativeQuery(
                        "select calendar_year from project_year where project_id = :id order by calendar_year")
                        .setParameter("id", subject.id()).getResultList();
                return new Target(subject, Pairing.require(pairing), thisYear,
                        years.stream().map(Number::intValue).toList(), Writers.PAIR);
            }
            case ACTIVITY: {
                Object[] row = row(em.createNativeQuery(
                        "select pairing_id, held_on from cooperation_activity where id = :id")
                        .setParameter("id", subject.id()).getResultList(), "activity", subject.id());
                int year = date(row[1]).getYear();
                return new Target(subject, Pairing.require(((Number) row[0]).longValue()), year, List.of(year), Writers.PAIR);
            }
            case PARK: {
                Long pairing = first(em.createNativeQuery("select pairing_id from cooperation_park where id = :id")
                        .setParameter("id", subject.id()).getResultList(), "park", subject.id());
                return new Target(subject, Pairing.require(pairing), thisYear, List.of(), Writers.PAIR);
            }
            case ACTUALS: {
                Pairing pairing = Pairing.require(subject.id());
                int year = subject.year();
                if (year < pairing.program.startYear || year > pairing.program.endYear) {
                    throw ProblemException.invalid("subject", "the year must be within the programme, "
                            + pairing.program.startYear + " to " + pairing.program.endYear);
                }
                return new Target(subject, pairing, year, List.of(year), Writers.PAIR);
            }
            case ADJUSTMENT: {
                Object[] row = row(em.createNativeQuery("select a.pairing_id, a.calendar_year"
                        + " from assessment_adjustment j join assessment a on a.id = j.assessment_id where j.id = :id")
                        .setParameter("id", subject.id()).getResultList(), "adjustment", subject.id());
                int year = ((Number) row[1]).intValue();
                return new Target(subject, Pairing.require(((Number) row[0]).longValue()), year, List.of(year),
                        Writers.ASSESSORS);
            }
            case OBJECTION: {
                // Counted against the objection's year, which its assessment's finalizing locks (an objection is
                // resolved by then).
                Object[] row = row(em.createNativeQuery(
                        "select pairing_id, calendar_year, state from objection where id = :id")
                        .setParameter("id", subject.id()).getResultList(), "objection", subject.id());
                int year = ((Number) row[1]).intValue();
                Writers writers = "OPEN".equals(row[2]) ? Writers.PAIR_AND_ASSESSORS : Writers.ASSESSORS_ONCE_CLOSED;
                return new Target(subject, Pairing.require(((Number) row[0]).longValue()), year, List.of(year),
                        writers);
            }
            default:
                throw ProblemException.invalid("subject", subject.kind().code() + " documents are not kept yet");
        }
    }

    private static Long first(List<?> found, String what, long id) {
        if (found.isEmpty()) {
            throw ProblemException.notFound(what, id);
        }
        return ((Number) found.get(0)).longValue();
    }

    private static Object[] row(List<?> found, String what, long id) {
        if (found.isEmpty()) {
            throw ProblemException.notFound(what, id);
        }
        return (Object[]) found.get(0);
    }

    private static LocalDate date(Object value) {
        if (value instanceof LocalDate date) {
            return date;
        }
        return ((java.sql.Date) value).toLocalDate();
    }
}
