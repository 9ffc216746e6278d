package org.tandem.registry;

import java.util.Collection;
import java.util.List;
import java.util.Set;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A county-level division of Zhejiang, identified by its 6-digit GB/T 2260 code. Reference data. */
@Entity
public class County extends PanacheEntityBase {

    @Id
    public String code;
    public String name;
    public String cityCode;
    public String cityName;
    @Enumerated(EnumType.STRING)
    public CountyCategory category;

    /** Those of the given codes that name no county, sorted; one query whatever the number of codes. */
    public static List<String> unknownCodes(Collection<String> codes) {
        if (codes.isEmpty()) {
            return List.of();
        }
        Set<String> known = Set.copyOf(getEntityManager()
                .createQuery("select c.code from County c where c.code in :codes", String.class)
                .setParameter("codes", codes).getResultList());
        return codes.stream().filter(c -> !known.contains(c)).sorted().toList();
    }
}
