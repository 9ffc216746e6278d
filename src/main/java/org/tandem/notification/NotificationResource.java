package org.tandem.notification;

import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.tandem.web.PageOf;
import org.tandem.web.PageRequest;

import io.quarkus.security.Authenticated;

@Path("/api/v1/notifications")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Notifications")
@Authenticated
class NotificationResource {

    @Inject
    NotificationFeed feed;

    @GET
    @Operation(summary = "The caller's own feed of events that need action, newest first", description = "Admins see"
            + " every event; assessors and viewers the events for their role; a county editor those of pairings"
            + " including its county. Each item says whether the caller marked it read.")
    public PageOf<NotificationView> listNotifications(
            @QueryParam("unread") @DefaultValue("false") @Parameter(description = "Only those not marked read") boolean unread,
            @QueryParam("type") NotificationType type,
            @QueryParam("pairing") @Parameter(description = "Only the events of this pairing") Long pairing,
            @Valid @BeanParam PageRequest paging) {
        return feed.list(unread, type, pairing, paging);
    }

    @GET
    @Path("/unread-count")
    @Operation(summary = "How many events of the caller's feed are not marked read")
    public NotificationView.Unread getUnreadCount() {
        return new NotificationView.Unread(feed.unreadCount());
    }

    @POST
    @Path("/{id}/read")
    @Transactional
    @Operation(summary = "Mark one event of the caller's feed read", description = "Again is harmless; 404 if it is not"
            + " in the caller's feed.")
    @APIResponse(responseCode = "204", description = "Marked read")
    public void markNotificationRead(@PathParam("id") long id) {
        feed.markRead(id);
    }

    @POST
    @Path("/read-all")
    @Transactional
    @Operation(summary = "Mark every event of the caller's feed read")
    public NotificationView.Marked markAllNotificationsRead() {
        return new NotificationView.Marked(feed.markAllRead());
    }
}
