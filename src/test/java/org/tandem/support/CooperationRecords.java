package org.tandem.support;

import java.math.BigDecimal;
import java.time.LocalDate;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.tandem.cooperation.ActivityKind;
import org.tandem.cooperation.CooperationActivity;
import org.tandem.cooperation.CooperationProject;
import org.tandem.cooperation.ProjectStatus;
import org.tandem.registry.County;
import org.tandem.registry.Pairing;
import org.tandem.registry.Track;

/**
 * Projects and activities for tests, persisted directly while their REST endpoints are being written. Each
 * method mirrors one call of those endpoints (create, then one transition), so swapping it for HTTP later
 * changes only this class.
 */
@ApplicationScoped
public class CooperationRecords {

    /** One lifecycle step, as the transitions endpoint takes it. */
    public record Step(ProjectStatus to, LocalDate on) {
    }

    public static Step step(ProjectStatus to, String on) {
        return new Step(to, LocalDate.parse(on));
    }

    /** A project planned on {@code plannedOn} that then took the given steps. */
    @Transactional
    public long project(long pairingId, String track, BigDecimal investment, BigDecimal expectedAnnualOutput,
            BigDecimal expectedAnnualTax, String plannedOn, Step... steps) {
        Pairing pairing = Pairing.findById(pairingId);
        CooperationProject project = new CooperationProject();
        project.pairing = pairing;
        project.track = Track.findById(track);
        project.title = "测试项目 " + track;
        project.hostCounty = County.findById(pairing.mountainCounty.code);
        project.investment = investment;
        project.expectedAnnualOutput = expectedAnnualOutput;
        project.expectedAnnualTax = expectedAnnualTax;
        project.status = ProjectStatus.PLANNED;
        project.plannedOn = LocalDate.parse(plannedOn);
        for (Step step : steps) {
            project.moveTo(step.to(), step.on());
        }
        project.persist();
        return project.id;
    }

    @Transactional
    public long activity(long pairingId, String track, ActivityKind kind, String heldOn, Integer participants,
            Integer enterprises, BigDecimal amount) {
        CooperationActivity activity = new CooperationActivity();
        activity.pairing = Pairing.findById(pairingId);
        activity.track = Track.findById(track);
        activity.kind = kind;
        activity.heldOn = LocalDate.parse(heldOn);
        activity.title = "测试活动 " + kind + " " + heldOn;
        activity.participants = participants;
        activity.enterprises = enterprises;
        activity.amount = amount;
        activity.persist();
        return activity.id;
    }
}
