package org.tandem.indicator;

import java.net.URI;
import java.util.List;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
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
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;
import org.tandem.problem.ProblemException;
import org.tandem.registry.Track;
import org.tandem.scoring.Direction;
import org.tandem.security.Roles;
import org.tandem.web.Filter;
import org.tandem.web.PageOf;
import org.tandem.web.PageRequest;
import org.tandem.web.Versions;

import io.quarkus.security.Authenticated;

@Path("/api/v1/indicators")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Indicators")
@Authenticated
public class IndicatorResource {

    private static final Map<String, String> SORTABLE = Map.of("code", "i.code", "track", "t.position");

    @GET
    @Operation(summary = "List the indicator catalogue", description = "Filter by track code, source and active; sort by track (the default: track order, then code) or code.")
    public PageOf<IndicatorView> listIndicators(@QueryParam("track") String track,
            @QueryParam("source") IndicatorSource source,
            @QueryParam("active") @Parameter(description = "true: only active indicators; false: only inactive ones") Boolean active,
            @Valid @BeanParam PageRequest paging) {
        Filter filter = new Filter();
        filter.and("t.code = :track", "track", track);
        filter.and("i.source = :source", "source", source);
        filter.and("i.active = :active", "active", active);
        List<IndicatorView> items = Indicator.<Indicator> find("from Indicator i join fetch i.track t" + filter.where(),
                paging.toSort(SORTABLE, "track", "i.code"), filter.params()).page(paging.toPage()).list().stream()
                .map(IndicatorView::of)
                .toList();
        return new PageOf<>(items, paging.page, paging.size,
                Indicator.count("from Indicator i join i.track t" + filter.where(), filter.params()));
    }

    @GET
    @Path("/{code}")
    @Operation(summary = "Get an indicator")
    public RestResponse<IndicatorView> getIndicator(@PathParam("code") String code) {
        Indicator indicator = require(code);
        return Versions.ok(IndicatorView.of(indicator));
    }

    @RolesAllowed(Roles.ADMIN)
    @POST
    @Transactional
    @Operation(summary = "Add an indicator to the catalogue", description = "A DERIVED indicator needs a derivation whose measure fits its records (400 naming the field). "
            + "409 duplicate-code when the code exists.")
    @APIResponse(responseCode = "201", description = "Created", content = @Content(schema = @Schema(implementation = IndicatorView.class)))
    public RestResponse<IndicatorView> createIndicator(@Valid @NotNull IndicatorInput body) {
        if (body.code() == null) {
            throw ProblemException.invalid("code", "must not be null");
        }
        if (Indicator.findById(body.code()) != null) {
            throw ProblemException.conflict("duplicate-code", "an indicator with code " + body.code() + " already exists");
        }
        Indicator indicator = new Indicator();
        indicator.code = body.code();
        apply(indicator, body);
        indicator.persistAndFlush();
        return Versions.created(URI.create("/api/v1/indicators/" + indicator.code), IndicatorView.of(indicator));
    }

    @RolesAllowed(Roles.ADMIN)
    @PUT
    @Path("/{code}")
    @Transactional
    @Operation(summary = "Replace an indicator", description = "Switching source between REPORTED and DERIVED is refused with 409 indicator-has-actuals "
            + "once actual values were stored for the indicator.")
    public RestResponse<IndicatorView> updateIndicator(@PathParam("code") String code,
            @Valid @NotNull IndicatorInput body, @Context Request request) {
        Indicator indicator = require(code);
        Versions.checkIfMatch(request, () -> IndicatorView.of(indicator));
        if (body.code() != null && !body.code().equals(code)) {
            throw ProblemException.invalid("code", "must equal the code in the path (" + code + ")");
        }
        apply(indicator, body);
        indicator.persistAndFlush();
        return Versions.ok(IndicatorView.of(indicator));
    }

    private static void apply(Indicator indicator, IndicatorInput body) {
        Track track = Track.findById(body.track());
        if (track == null) {
            throw ProblemException.invalid("track", "no track with code " + body.track());
        }
        indicator.defineSource(body.source(), body.derivation());
        indicator.track = track;
        indicator.nameZh = body.nameZh();
        indicator.nameEn = body.nameEn();
        indicator.unit = body.unit();
        indicator.direction = body.direction() == null ? Direction.HIGHER_IS_BETTER : body.direction();
        indicator.active = body.active() == null || body.active();
        indicator.description = body.description();
    }

    private static Indicator require(String code) {
        Indicator indicator = Indicator.find("from Indicator i join fetch i.track where i.code = ?1", code)
                .firstResult();
        if (indicator == null) {
            throw ProblemException.notFound("indicator", code);
        }
        return indicator;
    }
}
