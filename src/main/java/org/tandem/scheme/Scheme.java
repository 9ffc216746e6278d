package org.tandem.scheme;

import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;

import org.tandem.TrackedEntity;
import org.tandem.problem.ProblemException;
import org.tandem.registry.Program;

/** One version of a programme-year's scoring scheme; immutable once published. */
@Entity
@jakarta.persistence.Table(name = "scoring_scheme")
public class Scheme extends TrackedEntity {

    @Id
    @GeneratedValue(generator = "scoring_scheme_seq")
    @SequenceGenerator(name = "scoring_scheme_seq", sequenceName = "scoring_scheme_seq", allocationSize = 50)
    public Long id;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "program_id")
    public Program program;
    @Column(name = "calendar_year")
    public int year;
    /** 1, 2, 3… per programme-year, in order of creation. */
    public int number;
    @Enumerated(EnumType.STRING)
    public SchemeStatus status;
    public String name;
    public String description;
    public boolean example;
    /** The {@link SchemeRules} as JSON. */
    public String rules;
    public OffsetDateTime publishedAt;
    public String publishedBy;

    public void checkEditable() {
        if (status == SchemeStatus.PUBLISHED) {
            throw ProblemException.conflict("scheme-published",
                    "scheme " + id + " is published and cannot change; create a new version instead");
        }
    }

    /** The latest published scheme of a programme-year, or null. */
    public static Scheme latestPublished(Program program, int year) {
        return find("program = ?1 and year = ?2 and status = ?3 order by number desc", program, year,
                SchemeStatus.PUBLISHED).firstResult();
    }
}
