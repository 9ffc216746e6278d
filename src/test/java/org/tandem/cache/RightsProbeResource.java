package org.tandem.cache;

import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;

import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.common.annotation.NonBlocking;
import io.smallrye.mutiny.Uni;

/**
 * Kept reads for tests only (not in the contract): one whose answer depends on the caller's rights, one that
 * only an admin may make. No such read exists in the API yet; these show one would be kept apart for each
 * set of rights, and refused to a caller without them, kept or not.
 */
@Path("/api/v1/test-only")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class RightsProbeResource {

    static final AtomicInteger READS = new AtomicInteger();

    @Inject
    ReadCache reads;
    @Inject
    SecurityIdentity identity;

    @NonBlocking
    @GET
    @Path("/rights")
    @Operation(hidden = true)
    public Uni<Map<String, Object>> rights() {
        String roles = new TreeSet<>(identity.getRoles()).toString();
        Object county = identity.getAttribute(ReadCache.COUNTY);
        return reads.async(() -> Map.of("roles", roles, "county", county == null ? "none" : county, "read",
                READS.incrementAndGet()));
    }

    @NonBlocking
    @GET
    @Path("/admin-only")
    @RolesAllowed("admin")
    @Operation(hidden = true)
    public Uni<Map<String, Object>> adminOnly() {
        return reads.async(() -> Map.of("secret", "for admins", "read", READS.incrementAndGet()));
    }
}
