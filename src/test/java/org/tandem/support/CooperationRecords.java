package org.tandem.support;

import static org.tandem.support.Api.api;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.tandem.cooperation.ActivityKind;
import org.tandem.cooperation.ProjectStatus;

/**
 * Projects and activities for tests, written through the API as a client would: each method makes the calls
 * of those endpoints (create, then one transition per step), so the records go the one way every write goes.
 */
@ApplicationScoped
public class CooperationRecords {

    /** One lifecycle step, as the transitions endpoint takes it. */
    public record Step(ProjectStatus to, LocalDate on) {
    }

    public static Step step(ProjectStatus to, String on) {
        return new Step(to, LocalDate.parse(on));
    }

    /** A project hosted by the pairing's mountain county, planned on {@code plannedOn}, that then took the given steps. */
    public long project(long pairingId, String track, BigDecimal investment, BigDecimal expectedAnnualOutput,
            BigDecimal expectedAnnualTax, String plannedOn, Step... steps) {
        String mountainCounty = api().get("/api/v1/pairings/{id}", pairingId).then().statusCode(200).extract()
                .path("mountainCounty.code");
        Map<String, Object> body = new HashMap<>();
        body.put("track", track);
        body.put("title", "测试项目 " + track);
        body.put("hostCounty", mountainCounty);
        body.put("investment", investment);
        body.put("expectedAnnualOutput", expectedAnnualOutput);
        body.put("expectedAnnualTax", expectedAnnualTax);
        body.put("plannedOn", plannedOn);
        long id = api().body(body).post("/api/v1/pairings/{id}/projects", pairingId).then().statusCode(201).extract()
                .jsonPath().getLong("id");
        for (Step step : steps) {
            api().body(Map.of("to", step.to().name(), "on", step.on().toString()))
                    .post("/api/v1/projects/{id}/transitions", id).then().statusCode(200);
        }
        return id;
    }

    public long activity(long pairingId, String track, ActivityKind kind, String heldOn, Integer participants,
            Integer enterprises, BigDecimal amount) {
        Map<String, Object> body = new HashMap<>();
        body.put("track", track);
        body.put("kind", kind.name());
        body.put("heldOn", heldOn);
        body.put("title", "测试活动 " + kind + " " + heldOn);
        body.put("participants", participants);
        body.put("enterprises", enterprises);
        body.put("amount", amount);
        return api().body(body).post("/api/v1/pairings/{id}/activities", pairingId).then().statusCode(201).extract()
                .jsonPath().getLong("id");
    }
}
