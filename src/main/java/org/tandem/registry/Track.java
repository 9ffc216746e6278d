package org.tandem.registry;

import java.util.List;

import jakarta.persistence.Cacheable;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

import org.hibernate.annotations.Immutable;
import org.tandem.problem.ProblemException;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.panache.common.Sort;

/**
 * One of the six cooperation tracks (赛道). Reference data, in the seed's order: written only by the migrations, never
 * by the service, so every instance keeps the rows it has read (Hibernate's second-level cache) and a write naming a
 * track finds it without a query.
 */
@Entity
@Immutable
@Cacheable
public class Track extends PanacheEntityBase {

    @Id
    public String code;
    public int position;
    public String nameZh;
    public String nameEn;
    public String description;

    /** All six, in the seed's order. */
    static List<Track> inOrder() {
        return listAll(Sort.ascending("position"));
    }

    /** The track with this code; 404 if there is none. */
    static Track require(String code) {
        Track track = findById(code);
        if (track == null) {
            throw ProblemException.notFound("track", code);
        }
        return track;
    }
}
