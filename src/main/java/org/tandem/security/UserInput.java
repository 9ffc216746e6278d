package org.tandem.security;

import java.util.Set;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "UserInput", description = "A user as an admin writes it. On PUT the password may be left out to keep it.")
public record UserInput(
        @NotBlank @Size(max = 100) @Pattern(regexp = "[a-zA-Z0-9._@-]+", message = "letters, digits and . _ @ - only") @Schema(required = true, examples = "lishui-editor") String username,
        @Size(max = 200) @Schema(examples = "丽水市经信局 张三") String displayName,
        @Schema(description = "Default PERSON; SERVICE for automated jobs") UserKind kind,
        @Size(min = 12, max = 200) @Schema(description = "At least 12 characters; required on creation") String password,
        @NotNull @NotEmpty @Schema(required = true, examples = "[\"county-editor\"]") Set<@NotNull @Pattern(regexp = "admin|assessor|county-editor|city-reviewer|viewer", message = "must be admin, assessor, county-editor, city-reviewer or viewer") String> roles,
        @Pattern(regexp = "\\d{6}", message = "must be a 6-digit code") @Schema(description = "Required for a county editor", examples = "331102") String county,
        @Pattern(regexp = "\\d{6}", message = "must be a 6-digit code") @Schema(description = "Required for a city reviewer: the code of its city (a county's cityCode)", examples = "331100") String city,
        @Schema(description = "Default true") Boolean enabled) {
}
