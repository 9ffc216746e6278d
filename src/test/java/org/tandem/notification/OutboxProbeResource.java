package org.tandem.notification;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.tandem.problem.ProblemException;
import org.tandem.security.Roles;

/**
 * For tests only (not in the contract): a cause that records an event and then, when asked, fails after it in the
 * same transaction, the way a feature's write fails on a rule checked late.
 */
@Path("/api/v1/test-only/outbox")
@RolesAllowed(Roles.ADMIN)
public class OutboxProbeResource {

    @Inject
    Notifications notifications;

    @POST
    @Path("/{subject}")
    @Transactional
    @Operation(hidden = true)
    public void cause(@PathParam("subject") String subject, @QueryParam("fail") boolean fail) {
        notifications.record(Notice.of(NotificationType.DEADLINE_MISSED, "Probe", subject).toRoles(Roles.ASSESSOR)
                .with("probe", true));
        if (fail) {
            throw ProblemException.conflict("probe-failed", "the cause failed after recording its event");
        }
    }
}
