package org.tandem.registry;

import java.util.Locale;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.tandem.problem.ProblemException;
import org.tandem.security.CountyDirectory;
import org.tandem.web.Filter;
import org.tandem.web.PageOf;
import org.tandem.web.PageRequest;

import io.quarkus.panache.common.Sort;

/** The counties of Zhejiang, reference data: looked up, listed, and offered to user administration. */
@ApplicationScoped
class Counties implements CountyDirectory {

    private static final Map<String, String> SORTABLE = Map.of("code", "code", "name", "name", "cityCode", "cityCode");

    /** A page of counties; {@code q} is part of the name, in any case. */
    PageOf<CountyView> list(CountyCategory category, String cityCode, String q, PageRequest paging) {
        ReadScopes.referenceOnly();
        Filter filter = new Filter();
        filter.and("category = :category", "category", category);
        filter.and("cityCode = :cityCode", "cityCode", cityCode);
        if (q != null && !q.isBlank()) {
            filter.and("lower(name) like :q", "q", "%" + q.strip().toLowerCase(Locale.ROOT) + "%");
        }
        Sort sort = paging.toSort(SORTABLE, "code", "code");
        var query = County.find("from County" + filter.where(), sort, filter.params()).page(paging.toPage())
                .project(CountyView.class);
        return PageOf.of(query.list(), paging, query::count);
    }

    /** The county with this code; 404 if there is none. */
    County require(String code) {
        County county = County.findById(code);
        if (county == null) {
            throw ProblemException.notFound("county", code);
        }
        return county;
    }

    @Override
    public boolean exists(String code) {
        return County.findById(code) != null;
    }

    @Override
    public boolean cityExists(String code) {
        return County.count("cityCode", code) > 0;
    }
}
