package org.tandem.registry;

import java.util.List;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A programme's designated counties: who may be the industrial side and who the mountain side. */
public final class Designations {

    private Designations() {
    }

    @Schema(name = "DesignationsInput")
    public record Input(
            @NotNull @Size(max = 500) @Schema(required = true, examples = "[\"330782\"]") List<@NotNull @Pattern(regexp = "\\d{6}", message = "must be a 6-digit code") String> industrial,
            @NotNull @Size(max = 500) @Schema(required = true, examples = "[\"331102\"]") List<@NotNull @Pattern(regexp = "\\d{6}", message = "must be a 6-digit code") String> mountain) {
    }

    @Schema(name = "Designations")
    public record View(@Schema(required = true) String program,
            @Schema(required = true) List<CountyRef> industrial,
            @Schema(required = true) List<CountyRef> mountain) {
    }
}
