package org.tandem.indicator;

import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.Request;

import org.tandem.problem.ProblemException;
import org.tandem.registry.Track;
import org.tandem.scoring.Direction;
import org.tandem.web.Filter;
import org.tandem.web.PageOf;
import org.tandem.web.PageRequest;
import org.tandem.web.Versions;

/**
 * The indicator catalogue: listing, reading, adding and replacing indicators. Replacing one given a
 * {@link Request} refuses it with 412 when its If-Match is stale (callers outside HTTP pass null).
 */
@ApplicationScoped
class IndicatorCatalogue {

    private static final Map<String, String> SORTABLE = Map.of("code", "i.code", "track", "t.position");

    /** A page of the catalogue, filtered by track code, source and active when given. */
    PageOf<IndicatorView> list(String track, IndicatorSource source, Boolean active, PageRequest paging) {
        Filter filter = new Filter();
        filter.and("t.code = :track", "track", track);
        filter.and("i.source = :source", "source", source);
        filter.and("i.active = :active", "active", active);
        List<IndicatorView> items = Indicator.<Indicator> find("from Indicator i join fetch i.track t" + filter.where(),
                paging.toSort(SORTABLE, "track", "i.code"), filter.params()).page(paging.toPage()).list().stream()
                .map(IndicatorView::of)
                .toList();
        return PageOf.of(items, paging, () -> filter.count("from Indicator i join i.track t"));
    }

    /** The indicator with its track, or 404. */
    Indicator require(String code) {
        Indicator indicator = Indicator.find("from Indicator i join fetch i.track where i.code = ?1", code)
                .firstResult();
        if (indicator == null) {
            throw ProblemException.notFound("indicator", code);
        }
        return indicator;
    }

    /** Adds an indicator; 409 duplicate-code when the code exists. */
    @Transactional
    Indicator create(IndicatorInput body) {
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
        return indicator;
    }

    /** Replaces an indicator; the code, when given, must be the one replaced. */
    @Transactional
    Indicator replace(String code, IndicatorInput body, Request request) {
        Indicator indicator = require(code);
        if (request != null) {
            Versions.checkIfMatch(request, () -> IndicatorView.of(indicator));
        }
        if (body.code() != null && !body.code().equals(code)) {
            throw ProblemException.invalid("code", "must equal the code in the path (" + code + ")");
        }
        apply(indicator, body);
        indicator.persistAndFlush();
        return indicator;
    }

    private static void apply(Indicator indicator, IndicatorInput body) {
        Track track = Track.findById(body.track());
        if (track == null) {
            throw ProblemException.invalid("track", "no track with code " + body.track());
        }
        indicator.defineSource(body.source(), body.derivation());
        indicator.defineReportedPer(body.reportedPer());
        indicator.track = track;
        indicator.nameZh = body.nameZh();
        indicator.nameEn = body.nameEn();
        indicator.unit = body.unit();
        indicator.direction = body.direction() == null ? Direction.HIGHER_IS_BETTER : body.direction();
        indicator.active = body.active() == null || body.active();
        indicator.description = body.description();
    }
}
