package org.tandem.cooperation;

import java.math.BigDecimal;
import java.time.LocalDate;

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
import org.tandem.registry.Pairing;
import org.tandem.registry.Track;

/** A dated cooperation event of a pairing under one track. */
@Entity
public class CooperationActivity extends TrackedEntity {

    @Id
    @GeneratedValue(generator = "cooperation_activity_seq")
    @SequenceGenerator(name = "cooperation_activity_seq", sequenceName = "cooperation_activity_seq", allocationSize = 50)
    public Long id;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "pairing_id")
    public Pairing pairing;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "track_code")
    public Track track;
    @Enumerated(EnumType.STRING)
    public ActivityKind kind;
    public LocalDate heldOn;
    public String title;
    public Integer participants;
    public Integer enterprises;
    public BigDecimal amount;
    public String description;
}
