package org.tandem.notification;

import java.net.URI;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;
import org.tandem.security.Roles;
import org.tandem.web.PageOf;
import org.tandem.web.PageRequest;
import org.tandem.web.Versions;

@Path("/api/v1/webhooks")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Webhooks")
@RolesAllowed(Roles.ADMIN)
class WebhookResource {

    private static final String DELIVERY = " Each event of a subscribed type is POSTed as JSON (the feed's"
            + " Notification fields and deliveryId) with the headers X-Tandem-Event (its type), X-Tandem-Delivery"
            + " (the delivery's id: at-least-once, so a receiver may see one twice) and X-Tandem-Signature:"
            + " t=<unix seconds>,v1=<hex HMAC-SHA256 of \"<t>.<body>\" keyed with the secret>; reject a t far from"
            + " your clock. A 2xx acknowledges it; anything else is retried with exponential backoff until"
            + " tandem.webhooks.max-attempts, then DEAD.";

    @Inject
    Webhooks webhooks;

    @GET
    @Operation(summary = "List webhooks", description = "Sort by id or url. Secrets are never shown.")
    public PageOf<WebhookView> listWebhooks(@Valid @BeanParam PageRequest paging) {
        return webhooks.list(paging);
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Get a webhook")
    public RestResponse<WebhookView> getWebhook(@PathParam("id") long id) {
        return Versions.ok(WebhookView.of(Webhook.require(id)));
    }

    @POST
    @Transactional
    @Operation(summary = "Create a webhook", description = "The URL must be absolute http or https (400 naming url)."
            + " The answer is the only one that shows the secret." + DELIVERY)
    @APIResponse(responseCode = "201", description = "Created", content = @Content(schema = @Schema(implementation = WebhookView.Created.class)))
    public RestResponse<WebhookView.Created> createWebhook(@Valid @NotNull WebhookInput body) {
        Webhook webhook = webhooks.create(body);
        return Versions.created(URI.create("/api/v1/webhooks/" + webhook.id), WebhookView.Created.of(webhook));
    }

    @PUT
    @Path("/{id}")
    @Transactional
    @Operation(summary = "Replace a webhook's URL, event types, description and state", description = "A secret given"
            + " replaces the old one; left out, it is kept. Deliveries already recorded keep going to the new URL.")
    public RestResponse<WebhookView> updateWebhook(@PathParam("id") long id, @Valid @NotNull WebhookInput body,
            @Context Request request) {
        Webhook webhook = Webhook.require(id);
        Versions.checkIfMatch(request, () -> WebhookView.of(webhook));
        webhooks.update(webhook, body);
        return Versions.ok(WebhookView.of(webhook));
    }

    @DELETE
    @Path("/{id}")
    @Transactional
    @Operation(summary = "Delete a webhook", description = "Its deliveries, sent or not, go with it.")
    @APIResponse(responseCode = "204", description = "Deleted")
    public void deleteWebhook(@PathParam("id") long id, @Context Request request) {
        Webhook webhook = Webhook.require(id);
        Versions.checkIfMatch(request, () -> WebhookView.of(webhook));
        webhooks.delete(webhook);
    }

    @GET
    @Path("/{id}/deliveries")
    @Operation(summary = "A webhook's deliveries with their state and attempts", description = "Newest first (sort -id,"
            + " the default, or id); filter by state.")
    public PageOf<DeliveryView> listWebhookDeliveries(@PathParam("id") long id, @QueryParam("state") DeliveryState state,
            @Valid @BeanParam PageRequest paging) {
        return webhooks.deliveries(Webhook.require(id), state, paging);
    }

    @POST
    @Path("/{id}/deliveries/{deliveryId}/retry")
    @Transactional
    @Operation(summary = "Send a delivery again", description = "For a DEAD delivery (or one waiting for its next"
            + " attempt) once its receiver is mended: it is due at once and its attempts count afresh. 409"
            + " already-delivered when the receiver acknowledged it; 409 delivery-in-progress while a sender holds it.")
    public DeliveryView retryWebhookDelivery(@PathParam("id") long id, @PathParam("deliveryId") long deliveryId) {
        return webhooks.retry(Webhook.require(id), deliveryId);
    }
}
