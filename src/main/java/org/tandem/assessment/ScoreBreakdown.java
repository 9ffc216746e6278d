package org.tandem.assessment;

import java.time.OffsetDateTime;
import java.util.Set;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;

import org.hibernate.annotations.CreationTimestamp;
import org.hibernate.annotations.Immutable;
import org.tandem.cache.ScopedData;
import org.tandem.scoring.ScoreResult;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * One breakdown an assessment held: the engine's {@link ScoreResult} as JSON, with the
 * SHA-256 of that text. Written once and never changed or deleted, so an assessment's audit events name the
 * breakdown before and after a change by its id instead of carrying both texts: every breakdown is stored
 * once however often it is referred to, and the trail still shows every point an assessment ever had.
 */
@Entity
@Immutable
class ScoreBreakdown extends PanacheEntityBase implements ScopedData {

    @Id
    @GeneratedValue(generator = "score_breakdown_seq")
    @SequenceGenerator(name = "score_breakdown_seq", sequenceName = "score_breakdown_seq", allocationSize = 50)
    public Long id;
    /** SHA-256 of {@link #body} in UTF-8, in lower-case hex. */
    public String digest;
    public String body;
    @CreationTimestamp
    public OffsetDateTime createdAt;

    /** A new, not yet persisted breakdown of {@code result}, written with {@code json}. */
    static ScoreBreakdown of(ScoreResult result, ObjectMapper json) {
        String body;
        try {
            body = json.writeValueAsString(result);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a score result could not be written as JSON", e);
        }
        ScoreBreakdown breakdown = new ScoreBreakdown();
        breakdown.body = body;
        breakdown.digest = Sha256.hex(body);
        return breakdown;
    }

    /** The breakdown as the engine's result, read with {@code json}. */
    ScoreResult result(ObjectMapper json) {
        try {
            return json.readValue(body, ScoreResult.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored breakdown " + id + " is unreadable", e);
        }
    }

    /** Written once, with the assessment that names it: that change moves the assessments' scope. */
    @Override
    public Set<String> scopes() {
        return Set.of();
    }
}
