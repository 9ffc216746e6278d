package org.tandem.registry;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One of the six cooperation tracks (赛道). Reference data, in the seed's order. */
@Entity
public class Track extends PanacheEntityBase {

    @Id
    public String code;
    public int position;
    public String nameZh;
    public String nameEn;
    public String description;
}
