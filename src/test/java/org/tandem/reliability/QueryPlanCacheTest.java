package org.tandem.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tandem.support.Api.api;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.hibernate.SessionFactory;
import org.junit.jupiter.api.Test;
import org.tandem.cache.DataVersion;
import org.tandem.cooperation.ActivityKind;
import org.tandem.cooperation.ProjectStatus;
import org.tandem.support.CooperationRecords;
import org.tandem.support.Fixtures;

import io.quarkus.arc.Arc;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A read asked again finds the plans of its queries in Hibernate's query plan cache. The cache keeps at most
 * 2,048 plans and looks a native query up by its SQL's hash alone: a query whose plan is never found again (one
 * with a result class, whose mapping is a new object unequal to the last) adds a plan at every request, pushes the
 * other reads' plans out, and makes every lookup of that SQL compare with all the copies (12% of the service's CPU
 * in the projects list of a year, truly uncached, until this was found).
 */
@QuarkusTest
class QueryPlanCacheTest {

    private static final String PROGRAM = "ZJ-MFG-2023";

    @Test
    void aReadAskedAgainFindsItsQueryPlans() {
        long pairing = api().queryParam("program", PROGRAM).queryParam("size", 1).get("/api/v1/pairings")
                .then().statusCode(200).extract().jsonPath().getLong("items[0].id");
        List<String> reads = new ArrayList<>();
        for (String list : List.of("approvals", "assessment-runs", "assessments", "audit-events", "counties",
                "documents", "indicators", "ledger", "ledger/balances", "me", "notifications",
                "notifications/unread-count", "pairings", "programs", "projects", "scoring-schemes", "tracks", "users",
                "webhooks")) {
            reads.add("/api/v1/" + list);
            reads.add("/api/v1/" + list + "?program=" + PROGRAM + "&year=2024");
        }
        reads.add("/api/v1/projects?program=" + PROGRAM + "&year=2024&track=PROJECT_COOP&status=SIGNED");
        reads.add("/api/v1/projects?year=2024&county=330782");
        for (String ofProgram : List.of("", "/counties", "/park-coverage", "/summary", "/years/2024/allocation-rules",
                "/years/2024/allocations", "/years/2024/bulletin", "/years/2024/calendar", "/years/2024/objections",
                "/years/2024/overdue", "/years/2024/publication")) {
            reads.add("/api/v1/programs/" + PROGRAM + ofProgram);
        }
        for (String ofPairing : List.of("", "/years/2024/actuals", "/years/2024/history", "/years/2024/progress",
                "/years/2024/targets", "/activities", "/activities?year=2024", "/parks", "/projects",
                "/years/2024/score")) {
            reads.add("/api/v1/pairings/" + pairing + ofPairing);
        }
        List<String> failures = new ArrayList<>();
        for (String read : reads) {
            read(read);
            long again = missesReading(read);
            // A plan made by some job in the background between the two would count too: ask a third time.
            if (again > 0 && missesReading(read) > 0) {
                failures.add(read + ": " + again + " plans made again");
            }
        }
        assertEquals(List.of(), failures);
    }

    @Test
    void aWriteMadeAgainFindsItsQueryPlans() {
        long pairing = Fixtures.pairing(Fixtures.program(List.of(Fixtures.NANHU), List.of(Fixtures.SUICHANG)),
                Fixtures.NANHU, Fixtures.SUICHANG);
        var records = new CooperationRecords();
        List<Runnable> writes = List.of(
                () -> records.activity(pairing, "DIGITAL_ASSIST", ActivityKind.ENTERPRISE_DIAGNOSIS, "2024-04-01", null,
                        40, null),
                () -> records.project(pairing, "PROJECT_COOP", new BigDecimal("1000"), null, null, "2024-02-01",
                        CooperationRecords.step(ProjectStatus.SIGNED, "2024-03-01")));
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < writes.size(); i++) {
            Runnable write = writes.get(i);
            write.run();
            long again = misses(write);
            if (again > 0 && misses(write) > 0) {
                failures.add("write " + i + ": " + again + " plans made again");
            }
        }
        assertEquals(List.of(), failures);
    }

    private static long missesReading(String path) {
        return misses(() -> read(path));
    }

    /** The query plans {@code request} made that were not in the cache. */
    private static long misses(Runnable request) {
        var statistics = Arc.container().instance(SessionFactory.class).get().getStatistics();
        statistics.clear();
        request.run();
        return statistics.getQueryPlanCacheMissCount();
    }

    /** The read answered from the database: every kept read is let go first. */
    private static void read(String path) {
        Arc.container().instance(DataVersion.class).get().changed();
        int status = api().get(path).statusCode();
        assertTrue(status < 500, path + " answered " + status);
    }
}
