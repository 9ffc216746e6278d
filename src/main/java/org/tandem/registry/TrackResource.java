package org.tandem.registry;

import java.util.List;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;
import org.tandem.web.PageOf;
import org.tandem.web.Versions;

import io.quarkus.security.Authenticated;

@Path("/api/v1/tracks")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Tracks")
@Authenticated
class TrackResource {

    @GET
    @Operation(summary = "List the six cooperation tracks", description = "Always one page, in the seed's order.")
    public PageOf<TrackView> listTracks() {
        List<TrackView> tracks = Track.inOrder().stream().map(TrackView::of).toList();
        return new PageOf<>(tracks, 0, tracks.size(), tracks.size());
    }

    @GET
    @Path("/{code}")
    @Operation(summary = "Get a track by its code")
    public RestResponse<TrackView> getTrack(@PathParam("code") String code) {
        Track track = Track.require(code);
        // Reference data has no version column: the tag is a hash of the content, so it changes with it.
        return Versions.ok(TrackView.of(track));
    }
}
