package org.tandem.cooperation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;

import org.tandem.Money;
import org.tandem.TrackedEntity;
import org.tandem.cache.ScopedData;
import org.tandem.registry.Pairing;
import org.tandem.registry.RecordKind;
import org.tandem.registry.Track;

/** A dated cooperation event of a pairing under one track. */
@Entity
class CooperationActivity extends TrackedEntity implements ScopedData {

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

    /** A new activity of {@code pairing}, held on the date {@link #describe} gives it. */
    static CooperationActivity of(Pairing pairing) {
        CooperationActivity activity = new CooperationActivity();
        activity.pairing = pairing;
        return activity;
    }

    /** Takes the details clients write, under {@code track}. */
    void describe(ActivityInput body, Track track) {
        this.track = track;
        kind = body.kind();
        heldOn = body.heldOn();
        title = body.title();
        participants = body.participants();
        enterprises = body.enterprises();
        amount = Money.of(body.amount());
        description = body.description();
    }

    /**
     * The years whose figures holding it on {@code date} instead changes: a finalized assessment of either
     * freezes the activity.
     */
    List<Integer> yearsChangedByHoldingOn(LocalDate date) {
        return heldOn == null ? List.of(date.getYear()) : List.of(heldOn.getYear(), date.getYear());
    }

    /** The tally row this activity counts in: its year, track and kind (null before it is described). */
    CooperationTallies.ActivityGroup tallyGroup() {
        return heldOn == null ? null : new CooperationTallies.ActivityGroup(heldOn.getYear(), track.code, kind);
    }

    /** A change of it is a change of its pairing's records, and of those of its kind. */
    @Override
    public Set<String> scopes() {
        return Pairing.scopesOfRecordsOf(pairing, RecordKind.ACTIVITIES);
    }
}
