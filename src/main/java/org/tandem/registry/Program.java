package org.tandem.registry;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.SequenceGenerator;

import org.hibernate.proxy.HibernateProxy;
import org.hibernate.proxy.LazyInitializer;
import org.tandem.Money;
import org.tandem.TrackedEntity;
import org.tandem.problem.ProblemException;

/** A round of pairing (示范创建工作) with its year range, yearly budget and designated counties. */
@Entity
public class Program extends TrackedEntity {

    @Id
    @GeneratedValue(generator = "program_seq")
    @SequenceGenerator(name = "program_seq", sequenceName = "program_seq", allocationSize = 50)
    public Long id;
    public String code;
    public String name;
    public int startYear;
    public int endYear;
    public BigDecimal annualBudget;

    /** County code to the side it may take in this programme. */
    @ElementCollection
    @CollectionTable(name = "program_county", joinColumns = @JoinColumn(name = "program_id"))
    @MapKeyColumn(name = "county_code")
    @Column(name = "role")
    @Enumerated(EnumType.STRING)
    public Map<String, DesignationRole> designations = new HashMap<>();

    /** A programme's id, without loading it when it is a lazy reference. */
    public static long idOf(Program program) {
        LazyInitializer lazy = HibernateProxy.extractLazyInitializer(program);
        return lazy != null ? (Long) lazy.getInternalIdentifier() : program.id;
    }

    /** The id of the programme with code {@code code}, or null: one index lookup, nothing loaded. */
    public static Long idOfCode(String code) {
        List<Long> found = getEntityManager().createQuery("select p.id from Program p where p.code = :code", Long.class)
                .setParameter("code", code).getResultList();
        return found.isEmpty() ? null : found.get(0);
    }

    public static Program findByCode(String code) {
        return find("code", code).firstResult();
    }

    /** The programme with this code; 404 if there is none. */
    public static Program require(String code) {
        Program program = findByCode(code);
        if (program == null) {
            throw ProblemException.notFound("program", code);
        }
        return program;
    }

    /** Takes the name, years and budget of {@code input}; the code is set once, on creation. */
    void describe(ProgramInput input) {
        if (input.endYear() < input.startYear()) {
            throw ProblemException.invalid("endYear", "must not be before startYear");
        }
        name = input.name();
        startYear = input.startYear();
        endYear = input.endYear();
        annualBudget = Money.of(input.annualBudget());
    }

    /**
     * Replaces the designated counties. Every county must exist and take one side only, and a county already
     * paired in this programme keeps the side it is paired as: otherwise its pairing would break the rules.
     */
    void designate(Designations.Input input) {
        Map<String, DesignationRole> wanted = new HashMap<>();
        addAll(wanted, input.industrial(), DesignationRole.INDUSTRIAL, "industrial");
        addAll(wanted, input.mountain(), DesignationRole.MOUNTAIN, "mountain");
        List<String> unknown = County.unknownCodes(wanted.keySet());
        if (!unknown.isEmpty()) {
            throw ProblemException.invalid("counties", "no such county: " + String.join(", ", unknown));
        }
        List<Object[]> paired = getEntityManager().createQuery(
                "select p.industrialCounty.code, p.mountainCounty.code from Pairing p where p.program = :program",
                Object[].class).setParameter("program", this).getResultList();
        for (Object[] pair : paired) {
            keep(wanted, (String) pair[0], DesignationRole.INDUSTRIAL);
            keep(wanted, (String) pair[1], DesignationRole.MOUNTAIN);
        }
        designations.clear();
        designations.putAll(wanted);
    }

    private static void addAll(Map<String, DesignationRole> wanted, List<String> codes, DesignationRole role,
            String field) {
        for (String code : codes) {
            DesignationRole previous = wanted.put(code, role);
            if (previous != null && previous != role) {
                throw ProblemException.invalid(field, "county " + code + " is listed as both industrial and mountain");
            }
        }
    }

    private static void keep(Map<String, DesignationRole> wanted, String code, DesignationRole role) {
        if (wanted.get(code) != role) {
            throw ProblemException.conflict("county-in-pairing", "county " + code + " is in a pairing of this program as "
                    + role.name().toLowerCase() + " side and must stay designated so");
        }
    }

    /**
     * Designates one county on one side, if it is not yet; refuses (409 designated-otherwise) a county designated
     * on the other side. Returns whether the designations changed.
     */
    boolean designate(String countyCode, DesignationRole role) {
        return designate(designations, countyCode, role);
    }

    /**
     * {@link #designate(String, DesignationRole)} on {@code designations}: this programme's, or a copy of them for a
     * decision that writes nothing.
     */
    boolean designate(Map<String, DesignationRole> designations, String countyCode, DesignationRole role) {
        DesignationRole current = designations.get(countyCode);
        if (current == role) {
            return false;
        }
        if (current != null) {
            throw ProblemException.conflict("designated-otherwise", "county " + countyCode + " is designated as the "
                    + current.name().toLowerCase() + " side of program " + code);
        }
        designations.put(countyCode, role);
        return true;
    }

    public boolean covers(int year) {
        return year >= startYear && year <= endYear;
    }
}
