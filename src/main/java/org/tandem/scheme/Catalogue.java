package org.tandem.scheme;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.tandem.registry.Track;
import org.tandem.scoring.Direction;

import io.quarkus.hibernate.orm.panache.Panache;

/** The indicator catalogue and the tracks as scoring needs them: two queries, whatever their size. */
public record Catalogue(Set<String> trackCodes, Map<String, String> trackOf, Map<String, Direction> directionOf) {

    public static Catalogue load() {
        Set<String> tracks = new HashSet<>();
        Track.<Track> listAll().forEach(t -> tracks.add(t.code));
        Map<String, String> trackOf = new HashMap<>();
        Map<String, Direction> directionOf = new HashMap<>();
        List<Object[]> rows = Panache.getEntityManager()
                .createQuery("select i.code, i.track.code, i.direction from Indicator i", Object[].class)
                .getResultList();
        for (Object[] row : rows) {
            trackOf.put((String) row[0], (String) row[1]);
            directionOf.put((String) row[0], (Direction) row[2]);
        }
        return new Catalogue(tracks, trackOf, directionOf);
    }
}
