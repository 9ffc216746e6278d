package org.tandem.assessment;

import java.io.IOException;
import java.time.OffsetDateTime;
import java.util.Set;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;

import org.hibernate.annotations.CreationTimestamp;
import org.tandem.cache.ScopedData;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** The finalized result of an assessment as it stood before it was reopened, with who reopened it and why. */
@Entity
class AssessmentRevision extends PanacheEntityBase implements ScopedData {

    @Id
    @GeneratedValue(generator = "assessment_revision_seq")
    @SequenceGenerator(name = "assessment_revision_seq", sequenceName = "assessment_revision_seq", allocationSize = 50)
    public Long id;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "assessment_id")
    public Assessment assessment;
    public int number;
    /** The assessment's view (totals, grade, breakdown, adjustments) as JSON. */
    public String snapshot;
    public String reason;
    public String actor;
    @CreationTimestamp
    public OffsetDateTime createdAt;

    /** The next revision of {@code assessment}, not yet persisted, holding {@code finalized} as written by {@code json}. */
    static AssessmentRevision of(Assessment assessment, AssessmentViews.Detail finalized, ObjectMapper json) {
        AssessmentRevision revision = new AssessmentRevision();
        revision.assessment = assessment;
        revision.number = (int) count("assessment", assessment) + 1;
        try {
            revision.snapshot = json.writeValueAsString(finalized);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("assessment " + assessment.id + " could not be written as JSON", e);
        }
        return revision;
    }

    /**
     * The summary (total, grade, rank) of the assessment as it stood before it was reopened, read with {@code json}:
     * only as much of the snapshot as precedes it and the summary itself are parsed, not the breakdown after it.
     */
    AssessmentViews.Summary summaryBefore(ObjectMapper json) {
        try (JsonParser parser = json.createParser(snapshot)) {
            if (parser.nextToken() == JsonToken.START_OBJECT) {
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    boolean summary = "summary".equals(parser.currentName());
                    parser.nextToken();
                    if (summary) {
                        // The rest of the snapshot is left unread, which is not an error here.
                        return json.readerFor(AssessmentViews.Summary.class)
                                .without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).readValue(parser);
                    }
                    parser.skipChildren();
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("stored assessment JSON is unreadable", e);
        }
        throw new IllegalStateException("stored assessment JSON has no summary");
    }

    /** A change of it is a change of its assessment. */
    @Override
    public Set<String> scopes() {
        return Assessment.scopesOf(assessment);
    }
}
