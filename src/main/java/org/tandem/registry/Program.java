package org.tandem.registry;

import java.math.BigDecimal;
import java.util.HashMap;
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

import org.tandem.TrackedEntity;

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

    public static Program findByCode(String code) {
        return find("code", code).firstResult();
    }

    public boolean covers(int year) {
        return year >= startYear && year <= endYear;
    }

    public boolean isDesignated(String countyCode, DesignationRole role) {
        return designations.get(countyCode) == role;
    }
}
