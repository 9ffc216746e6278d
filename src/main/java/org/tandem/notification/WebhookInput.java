package org.tandem.notification;

import java.util.Set;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "WebhookInput", description = "A webhook as admins write it.")
public record WebhookInput(
        @NotBlank @Size(max = 2000) @Schema(description = "Absolute http or https URL the events are POSTed to", examples = "https://hooks.example.org/tandem", required = true) String url,
        @NotEmpty @Size(max = 20) @Schema(description = "The event types it receives", required = true) Set<@NotNull NotificationType> eventTypes,
        @Size(min = 16, max = 200) @Pattern(regexp = "[\\x21-\\x7e]+", message = "must be printable ASCII without spaces") @Schema(description = "The HMAC-SHA256 key deliveries are signed with. On creation, left out: one is generated and returned once; on PUT, left out: kept. Never shown afterwards.") String secret,
        @Size(max = 500) String description,
        @Schema(description = "Inactive webhooks receive nothing; default true") Boolean active) {
}
