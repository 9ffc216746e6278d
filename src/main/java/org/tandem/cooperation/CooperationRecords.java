package org.tandem.cooperation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.tandem.problem.ProblemException;
import org.tandem.registry.Pairing;
import org.tandem.registry.PairingStatus;
import org.tandem.registry.Program;
import org.tandem.registry.YearLock;
import org.tandem.web.Filter;
import org.tandem.web.InList;
import org.tandem.web.PageOf;
import org.tandem.web.PageRequest;

import io.quarkus.panache.common.Sort;

/**
 * Every write of a pairing's projects, activities and parks, and the lists of them. A write of a project or an
 * activity first locks its pairing and, once flushed, has the pairing's tallies of that source recounted in the
 * same transaction (see {@link CooperationTallies}). Years a finalized assessment froze stay as they are.
 * Access checks and preconditions are the caller's, on the record it loaded here.
 */
@ApplicationScoped
class CooperationRecords {

    static final Map<String, String> PROJECTS_SORTABLE = Map.of("id", "p.id", "plannedOn", "p.plannedOn", "title",
            "p.title", "status", "p.status", "investment", "p.investment");
    static final String PROJECT_FETCH = "from CooperationProject p join fetch p.pairing pa join fetch pa.program"
            + " join fetch pa.industrialCounty join fetch pa.mountainCounty join fetch p.track join fetch p.hostCounty";
    static final Map<String, String> ACTIVITIES_SORTABLE = Map.of("id", "a.id", "heldOn", "a.heldOn", "kind",
            "a.kind");
    static final String ACTIVITY_FETCH = "from CooperationActivity a join fetch a.pairing join fetch a.track";
    static final Map<String, String> PARKS_SORTABLE = Map.of("id", "p.id", "name", "p.name", "establishedOn",
            "p.establishedOn");
    static final String PARK_FETCH = "from CooperationPark p join fetch p.pairing pa join fetch pa.industrialCounty"
            + " join fetch pa.mountainCounty join fetch p.hostCounty";

    @Inject
    CooperationTallies tallies;
    @Inject
    ProjectYears years;

    // Projects

    /**
     * Projects across pairings. Filters: programme code, track code, status, county (either side of the pair),
     * host county, and year (a step of the project fell in that year); each one absent is no filter. With a year
     * the list is read from {@code project_year} (see {@link ProjectYears}), one index range in project order.
     */
    PageOf<ProjectView> projects(String program, String track, ProjectStatus status, String county,
            String hostCounty, Integer year, PageRequest paging) {
        if (year != null) {
            return projectsOfYear(program, track, status, county, hostCounty, year, paging);
        }
        // The programme's id looked up first: H2 serves "program_id = (select ...)" from no index.
        Long programId = program == null ? null : Program.idOfCode(program);
        if (program != null && programId == null) {
            return new PageOf<>(List.of(), paging.page, paging.size, paging.total(() -> 0));
        }
        Filter filter = new Filter();
        filter.and("p.programId = :program", "program", programId);
        if (county != null) {
            // As a condition on the pairing's two counties, H2 read every project of the programme (or of all) and
            // its pairing: 130-580 ms for a county editor's list in a programme of 100,000 projects. A county's
            // pairs are few; read through cooperation_project_pairing_idx, only their projects are.
            List<Long> countyPairs = pairsOfCounty(county, programId);
            if (countyPairs.isEmpty()) {
                return new PageOf<>(List.of(), paging.page, paging.size, paging.total(() -> 0));
            }
            InList in = InList.of("pair", countyPairs);
            filter.and("p.pairing.id in " + in.sql());
            in.params().forEach(filter::param);
        }
        filter.and("p.track.code = :track", "track", track);
        filter.and("p.status = :status", "status", status);
        filter.and("p.hostCounty.code = :hostCounty", "hostCounty", hostCounty);
        // In id order, a programme's projects are a range of cooperation_project_program_idx (program_id, id); a
        // county's are read by pair and sorted (they are few).
        return projectPage(filter, paging,
                programId == null || county != null ? List.of() : List.of("p.programId"));
    }

    /** A pairing's projects, of one track if {@code track} is given. */
    PageOf<ProjectView> pairingProjects(long pairingId, String track, PageRequest paging) {
        Pairing.require(pairingId);
        Filter filter = new Filter().and("p.pairing.id = :pairing", "pairing", pairingId);
        filter.and("p.track.code = :track", "track", track);
        return projectPage(filter, paging, List.of());
    }

    /**
     * One page in three statements: the page's ids, filtered and sorted with only the joins the filters need;
     * the columns the view shows of those projects; and the count. Fetching the six relations for every matching
     * row before the sort and limit made a filtered list over 2,000 pairings cost ~140 ms. {@code fixed} are the
     * columns the filters fix that an index has before the id ({@link PageRequest#orderByIdInIndex}).
     */
    private static PageOf<ProjectView> projectPage(Filter where, PageRequest paging, List<String> fixed) {
        String filter = where.where();
        Map<String, Object> params = Map.copyOf(where.params());
        String inIndex = PageRequest.orderByIdInIndex(sort(paging), "p.id", "p.id", fixed);
        String orderBy = inIndex != null ? inIndex : orderBy(paging, Map.of());
        String keyset = paging.keyset(sort(paging), "p.id", "p.id");
        var page = where.and(keyset, "after", keyset == null ? null : paging.after);
        var idQuery = CooperationProject.getEntityManager()
                .createQuery("select p.id from CooperationProject p" + page.where() + orderBy, Long.class)
                .setFirstResult(paging.firstResult(keyset)).setMaxResults(paging.size);
        page.params().forEach(idQuery::setParameter);
        return PageOf.of(views(idQuery.getResultList()), paging,
                () -> Filter.count("from CooperationProject p" + filter, params));
    }

    /** Sort paths of {@link #PROJECTS_SORTABLE} as columns of {@code project_year y} and its project {@code p}. */
    private static final Map<String, String> PROJECT_YEAR_COLUMNS = Map.of("p.id", "y.project_id", "p.plannedOn",
            "p.planned_on", "p.title", "p.title", "p.status", "y.status", "p.investment", "p.investment");

    /**
     * The projects with a step in {@code year}, from {@code project_year}: every filter is a column of the row
     * (the programme by its id), so the page in id order is a range of one index. Its total, unless the page
     * tells it, is read from {@link ProjectCounts} when the filters are among the programme, track and status;
     * with a county it is counted. A county is its pairs (in the programme, when one is given), looked up first: the
     * rows are then read through those pairs' entries of {@code project_year_pairing_idx}.
     */
    private static PageOf<ProjectView> projectsOfYear(String program, String track, ProjectStatus status,
            String county, String hostCounty, int year, PageRequest paging) {
        var em = CooperationProject.getEntityManager();
        Long programId = program == null ? null : Program.idOfCode(program);
        if (program != null && programId == null) {
            return new PageOf<>(List.of(), paging.page, paging.size, paging.total(() -> 0));
        }
        String statusName = status == null ? null : status.name();
        Filter filter = new Filter().and("y.calendar_year = :year", "year", year);
        String pairs = "";
        if (county != null) {
            // As "y.pairing_id in (select ... county ...)", H2 scanned the year's rows and, when it does not reuse
            // results, ran the subquery again for each: 6.6 s at 2,000 pairs. The pairs are few; joined from their
            // ids, H2 reads only their rows, whichever other filters are given.
            List<Long> countyPairs = pairsOfCounty(county, programId);
            if (countyPairs.isEmpty()) {
                return new PageOf<>(List.of(), paging.page, paging.size, paging.total(() -> 0));
            }
            InList in = InList.of("pair", countyPairs);
            pairs = " join pairing pa on pa.id = y.pairing_id";
            filter.and("pa.id in " + in.sql());
            in.params().forEach(filter::param);
        } else {
            filter.and("y.program_id = :program", "program", programId);
        }
        filter.and("y.track_code = :track", "track", track);
        filter.and("y.status = :status", "status", statusName);
        filter.and("y.host_county_code = :hostCounty", "hostCounty", hostCounty);
        String inIndex = PageRequest.orderByIdInIndex(sort(paging), "p.id", "y.project_id",
                fixedIndexColumns(program != null, track != null, status != null, county != null,
                        hostCounty != null));
        String orderBy = inIndex != null ? inIndex : orderBy(paging, PROJECT_YEAR_COLUMNS);
        String from = " from project_year y" + pairs
                + (orderBy.contains("p.") ? " join cooperation_project p on p.id = y.project_id" : "");
        String counted = pairs + filter.where();
        Map<String, Object> countParams = Map.copyOf(filter.params());
        String keyset = paging.keyset(sort(paging), "p.id", "y.project_id");
        filter.and(keyset, "after", keyset == null ? null : paging.after);
        // Native queries without a result class: with one, Hibernate's plan cache never finds the plan again
        // and keeps a copy per request (QueryPlanCacheTest).
        var idQuery = em.createNativeQuery("select y.project_id" + from + filter.where() + orderBy)
                .setFirstResult(paging.firstResult(keyset)).setMaxResults(paging.size);
        filter.params().forEach(idQuery::setParameter);
        List<Long> ids = ((List<?>) idQuery.getResultList()).stream().map(id -> ((Number) id).longValue()).toList();
        return PageOf.of(views(ids), paging, () -> {
            if (county == null && hostCounty == null) {
                return ProjectCounts.of(em, year, programId, track, statusName);
            }
            var countQuery = em.createNativeQuery("select count(*) from project_year y" + counted);
            countParams.forEach(countQuery::setParameter);
            return ((Number) countQuery.getSingleResult()).longValue();
        });
    }

    /** The pairs {@code county} is in, of programme {@code programId} unless null: two index lookups. */
    private static List<Long> pairsOfCounty(String county, Long programId) {
        String program = programId == null ? "" : " and program_id = :program";
        var query = CooperationProject.getEntityManager().createNativeQuery("select id from pairing"
                + " where industrial_county_code = :county" + program + " union select id from pairing"
                + " where mountain_county_code = :county" + program).setParameter("county", county);
        if (programId != null) {
            query.setParameter("program", programId);
        }
        return ((List<?>) query.getResultList()).stream().map(id -> ((Number) id).longValue()).sorted().toList();
    }

    /**
     * The columns of an index of {@code project_year} (V20, V33) before {@code project_id} that these filters fix
     * to one value, for {@link PageRequest#orderByIdInIndex}: with them, a page in id order is read from the index
     * instead of sorting every matching row (3,682 for one track and status of a programme of 2,000 pairings,
     * 50,076 for its year).
     */
    private static List<String> fixedIndexColumns(boolean program, boolean track, boolean status, boolean county,
            boolean hostCounty) {
        if (county) {
            // Read through the county's pairs: their rows are few, and sorted.
            return List.of();
        }
        if (hostCounty) {
            return List.of("y.host_county_code", "y.calendar_year");
        }
        if (program && track && status) {
            return List.of("y.program_id", "y.calendar_year", "y.track_code", "y.status");
        }
        if (program && status) {
            return List.of("y.program_id", "y.calendar_year", "y.status");
        }
        if (program && !track) {
            // Not with a track: read in this order, the index would be walked past every other row.
            return List.of("y.program_id", "y.calendar_year");
        }
        return List.of();
    }

    /** The requested order as an order-by clause, each path mapped by {@code columns} when it is there. */
    private static String orderBy(PageRequest paging, Map<String, String> columns) {
        return sort(paging).getColumns().stream()
                .map(c -> columns.getOrDefault(c.getName(), c.getName())
                        + (c.getDirection() == Sort.Direction.Descending ? " desc" : ""))
                .collect(Collectors.joining(", ", " order by ", ""));
    }

    /** The requested order of projects: by id unless sorted otherwise. */
    private static Sort sort(PageRequest paging) {
        return paging.toSort(PROJECTS_SORTABLE, "id", "p.id");
    }

    /** The columns the view shows of these projects, in the order of {@code ids}: one statement. */
    private static List<ProjectView> views(List<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<Long, ProjectView> byId = new HashMap<>();
        InList in = InList.of("id", ids);
        in.bind(CooperationProject.getEntityManager().createQuery("select p.id, p.pairing.id, g.code, p.track.code,"
                + " p.title, p.leadEnterprise, h.code, h.name, p.investment, p.expectedAnnualOutput,"
                + " p.expectedAnnualTax, p.status, p.plannedOn, p.signedOn, p.constructionStartedOn,"
                + " p.productionStartedOn, p.cancelledOn, p.description from CooperationProject p join p.pairing pa"
                + " join pa.program g join p.hostCounty h where p.id in " + in.sql(), Object[].class))
                .getResultList().forEach(row -> byId.put((Long) row[0], ProjectView.of(row)));
        return ids.stream().map(byId::get).toList();
    }

    /** The project with its pairing, counties and track, or 404. */
    CooperationProject project(long id) {
        CooperationProject project = CooperationProject.find(PROJECT_FETCH + " where p.id = ?1", id).firstResult();
        if (project == null) {
            throw ProblemException.notFound("project", id);
        }
        return project;
    }

    /** Records a project of {@code pairing}, PLANNED on its planning date. */
    @Transactional
    CooperationProject createProject(Pairing pairing, ProjectInput body) {
        Pairing.lockRow(pairing.id);
        CooperationProject project = CooperationProject.of(pairing);
        project.describe(body, PairingScope.track(body.track()));
        YearLock.check(pairing.id, project.stepYears());
        project.persistAndFlush();
        years.write(List.of(project.id));
        tallies.recountProjects(pairing.id, project.tallyGroups());
        return project;
    }

    /** Replaces a project's details; neither the years it was in nor those it moves to may be frozen. */
    @Transactional
    void updateProject(CooperationProject project, ProjectInput body) {
        Pairing.lockRow(project.pairing.id);
        List<CooperationTallies.ProjectGroup> touched = new ArrayList<>(project.tallyGroups());
        YearLock.check(project.pairing.id, project.stepYears());
        project.describe(body, PairingScope.track(body.track()));
        YearLock.check(project.pairing.id, project.stepYears());
        touched.addAll(project.tallyGroups());
        project.persistAndFlush();
        years.write(List.of(project.id));
        tallies.recountProjects(project.pairing.id, touched);
    }

    /** Moves a project forward, or cancels it, as {@link CooperationProject#moveTo} allows. */
    @Transactional
    void moveProject(CooperationProject project, Transition transition) {
        Pairing.lockRow(project.pairing.id);
        // Earlier years' figures do not change with a later step, so only the step's own year must be open.
        YearLock.check(project.pairing.id, List.of(transition.on().getYear()));
        List<CooperationTallies.ProjectGroup> touched = new ArrayList<>(project.tallyGroups());
        project.moveTo(transition.to(), transition.on());
        touched.addAll(project.tallyGroups());
        project.persistAndFlush();
        years.write(List.of(project.id));
        tallies.recountProjects(project.pairing.id, touched);
    }

    @Transactional
    void deleteProject(CooperationProject project) {
        Pairing.lockRow(project.pairing.id);
        List<CooperationTallies.ProjectGroup> touched = project.tallyGroups();
        YearLock.check(project.pairing.id, project.stepYears());
        years.forget(project.id);
        project.delete();
        CooperationProject.flush();
        tallies.recountProjects(project.pairing.id, touched);
    }

    // Activities

    /** A pairing's activities. Filters: track, kind, year (held in); each one absent is no filter. */
    PageOf<ActivityView> pairingActivities(long pairingId, String track, ActivityKind kind, Integer year,
            PageRequest paging) {
        Pairing.require(pairingId);
        Filter filter = new Filter().and("a.pairing.id = :pairing", "pairing", pairingId);
        filter.and("a.track.code = :track", "track", track);
        filter.and("a.kind = :kind", "kind", kind);
        if (year != null) {
            filter.and("a.heldOn between :from and :to").param("from", LocalDate.of(year, 1, 1)).param("to",
                    LocalDate.of(year, 12, 31));
        }
        List<ActivityView> items = CooperationActivity.<CooperationActivity> find(ACTIVITY_FETCH + filter.where(),
                paging.toSort(ACTIVITIES_SORTABLE, "heldOn", "a.id"), filter.params()).page(paging.toPage()).list()
                .stream().map(ActivityView::of).toList();
        return PageOf.of(items, paging, () -> filter.count("from CooperationActivity a"));
    }

    /** The activity with its pairing and track, or 404. */
    CooperationActivity activity(long id) {
        CooperationActivity activity = CooperationActivity.find(ACTIVITY_FETCH + " where a.id = ?1", id).firstResult();
        if (activity == null) {
            throw ProblemException.notFound("activity", id);
        }
        return activity;
    }

    @Transactional
    CooperationActivity createActivity(Pairing pairing, ActivityInput body) {
        Pairing.lockRow(pairing.id);
        CooperationActivity activity = CooperationActivity.of(pairing);
        describe(activity, body);
        activity.persistAndFlush();
        tallies.recountActivities(pairing.id, List.of(activity.tallyGroup()));
        return activity;
    }

    /** Replaces an activity; neither the year it was held in nor the one it moves to may be frozen. */
    @Transactional
    void updateActivity(CooperationActivity activity, ActivityInput body) {
        Pairing.lockRow(activity.pairing.id);
        CooperationTallies.ActivityGroup was = activity.tallyGroup();
        describe(activity, body);
        activity.persistAndFlush();
        tallies.recountActivities(activity.pairing.id, List.of(was, activity.tallyGroup()));
    }

    private static void describe(CooperationActivity activity, ActivityInput body) {
        YearLock.check(activity.pairing.id, activity.yearsChangedByHoldingOn(body.heldOn()));
        activity.describe(body, PairingScope.track(body.track()));
    }

    @Transactional
    void deleteActivity(CooperationActivity activity) {
        Pairing.lockRow(activity.pairing.id);
        CooperationTallies.ActivityGroup was = activity.tallyGroup();
        YearLock.check(activity.pairing.id, List.of(was.year()));
        activity.delete();
        CooperationActivity.flush();
        tallies.recountActivities(activity.pairing.id, List.of(was));
    }

    // Parks

    PageOf<ParkView> pairingParks(long pairingId, PageRequest paging) {
        Pairing.require(pairingId);
        Map<String, Object> params = Map.of("pairing", pairingId);
        List<ParkView> items = CooperationPark.<CooperationPark> find(PARK_FETCH + " where p.pairing.id = :pairing",
                paging.toSort(PARKS_SORTABLE, "id", "p.id"), params).page(paging.toPage()).list().stream()
                .map(ParkView::of).toList();
        return PageOf.of(items, paging, () -> CooperationPark.count("pairing.id = :pairing", params));
    }

    /** The park with its pairing and counties, or 404. */
    CooperationPark park(long id) {
        CooperationPark park = CooperationPark.find(PARK_FETCH + " where p.id = ?1", id).firstResult();
        if (park == null) {
            throw ProblemException.notFound("park", id);
        }
        return park;
    }

    @Transactional
    CooperationPark createPark(Pairing pairing, ParkInput body) {
        CooperationPark park = CooperationPark.of(pairing);
        park.describe(body);
        park.persistAndFlush();
        return park;
    }

    @Transactional
    void updatePark(CooperationPark park, ParkInput body) {
        park.describe(body);
        park.persistAndFlush();
    }

    @Transactional
    void deletePark(CooperationPark park) {
        park.delete();
        CooperationPark.flush();
    }

    /**
     * How many of the programme's pairings, dissolved ones left out, have co-built a park: established by
     * {@code asOf}, or any recorded when it is absent.
     */
    ParkCoverage parkCoverage(String programCode, LocalDate asOf) {
        Program program = Program.findByCode(programCode);
        if (program == null) {
            throw ProblemException.notFound("program", programCode);
        }
        long pairings = Pairing.count("program = ?1 and status <> ?2", program, PairingStatus.DISSOLVED);
        String established = asOf == null ? "" : " and k.establishedOn <= :asOf";
        var query = CooperationPark.getEntityManager().createQuery("select count(distinct k.pairing.id)"
                + " from CooperationPark k where k.pairing.program = :program and k.pairing.status <> :dissolved"
                + established, Long.class).setParameter("program", program)
                .setParameter("dissolved", PairingStatus.DISSOLVED);
        if (asOf != null) {
            query.setParameter("asOf", asOf);
        }
        long withPark = query.getSingleResult();
        BigDecimal coverage = pairings == 0 ? null
                : BigDecimal.valueOf(withPark).divide(BigDecimal.valueOf(pairings), 4, RoundingMode.HALF_UP);
        return new ParkCoverage(program.code, asOf, pairings, withPark, coverage);
    }
}
