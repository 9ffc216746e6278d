package org.tandem.console;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * The web console's static files (HTML, ES modules, CSS and the ECharts webjar) are served to anyone, and serving
 * them opens nothing else: the API and the metrics still need a token.
 */
@QuarkusTest
class ConsoleFilesTest {

    @Test
    void theConsoleAndItsChartsAreServedWithoutAToken() {
        given().get("/").then().statusCode(200).contentType(startsWith("text/html"))
                .body(containsString("/console/app.js"), containsString("/webjars/echarts/5.3.1/dist/echarts.min.js"));
        for (String module : new String[] { "app.js", "api.js", "i18n.js", "ui.js", "data.js", "pages/dashboard.js",
                "pages/ranking.js", "pages/pair.js", "pages/edit.js", "pages/mine.js", "pages/review.js",
                "pages/users.js", "pages/programs.js", "pages/audit.js", "pages/common.js", "pages/documents.js",
                "pages/funding.js", "pages/notifications.js", "pages/approvals.js",
                "pages/calendar.js", "pages/webhooks.js", "pages/periods.js" }) {
            given().get("/console/" + module).then().statusCode(200).contentType(containsString("javascript"));
        }
        given().get("/console/app.css").then().statusCode(200).contentType(startsWith("text/css"));
        given().get("/webjars/echarts/5.3.1/dist/echarts.min.js").then().statusCode(200)
                .contentType(containsString("javascript")).body(containsString("echarts"));
    }

    @Test
    void theApiStillNeedsAToken() {
        for (String path : new String[] { "/api/v1/me", "/api/v1/pairings", "/api/v1/programs",
                "/api/v1/assessments?program=ZJ-MFG-2023&year=2023", "/api/v1/users", "/api/v1/audit-events",
                "/api/v1/pairings/1/years/2023/template", "/api/v1/programs/ZJ-MFG-2023/years/2023/template" }) {
            given().get(path).then().statusCode(401).contentType(startsWith("application/problem+json"));
        }
        given().get("/q/metrics").then().statusCode(401);
        given().contentType("application/json").body("{\"program\":\"ZJ-MFG-2023\",\"year\":2023}")
                .post("/api/v1/assessment-runs").then().statusCode(401);
    }

    @Test
    void nothingElseIsServedFromTheConsoleFolders() {
        // Unknown files are a plain 404; the classpath's own files are not reachable through the static paths.
        given().get("/console/nope.js").then().statusCode(404);
        given().get("/application.properties").then().statusCode(404).body(not(containsString("password")));
        given().get("/console/../application.properties").then().statusCode(404);
    }
}
