package org.tandem.pairing;

import java.time.LocalDate;

import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A JSON merge patch of a pairing's mutable details; a field left out stays as it is. */
@Schema(name = "PairingPatch")
public record PairingPatch(LocalDate formedOn, PairingStatus status, Evidence evidence,
        @Size(max = 2000) String sourceNote) {
}
