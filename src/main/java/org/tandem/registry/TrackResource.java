package org.tandem.registry;

import java.util.List;

import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;
import org.tandem.export.ExportContract;
import org.tandem.export.ExportRequest;
import org.tandem.export.Exports;
import org.tandem.web.PageOf;
import org.tandem.web.Versions;

import io.quarkus.security.Authenticated;

@Path("/api/v1/tracks")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Tracks")
@Authenticated
class TrackResource {

    @Inject
    Exports exports;

    @GET
    @Extension(name = ExportContract.MARK, value = "true")
    @Operation(summary = "List the six cooperation tracks", description = "Always one page, in the seed's order.")
    public PageOf<TrackView> listTracks() {
        List<TrackView> tracks = Track.inOrder().stream().map(TrackView::of).toList();
        return new PageOf<>(tracks, 0, tracks.size(), tracks.size());
    }

    @GET
    @Produces({ Exports.CSV, Exports.XLSX })
    @Operation(hidden = true)
    public Response exportTracks(@BeanParam ExportRequest export) {
        return exports.sendAll(export, TrackView.TABLE, Exports.datedFileName("tracks"),
                () -> Track.inOrder().stream().map(TrackView::of).toList());
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
