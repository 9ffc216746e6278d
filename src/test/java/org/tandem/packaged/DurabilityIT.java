package org.tandem.packaged;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/**
 * On the embedded default (H2 in file mode), and on PostgreSQL with -Ppostgresql, what the service answered 2xx
 * for is still there after the process is killed and started again.
 */
class DurabilityIT {

    @Test
    void aPairingCreatedThroughTheApiSurvivesAKillAndRestart() throws Exception {
        Path dataDir = Files.createTempDirectory("tandem-durability");
        try (PackagedService service = new PackagedService(dataDir)) {
            service.start();
            RequestSpecification api = given().baseUri(service.baseUri()).contentType(ContentType.JSON).auth()
                    .oauth2(service.adminToken());
            api.body(Map.of("code", "DURABLE-1", "name", "持久测试", "startYear", 2023, "endYear", 2025))
                    .post("/api/v1/programs").then().statusCode(201);
            api.body(Map.of("industrial", List.of("330782"), "mountain", List.of("331102")))
                    .put("/api/v1/programs/DURABLE-1/counties").then().statusCode(200);
            int id = api.body(Map.of("program", "DURABLE-1", "industrialCounty", "330782", "mountainCounty",
                    "331102", "sourceNote", "重启之后仍在")).post("/api/v1/pairings").then().statusCode(201).extract()
                    .path("id");

            service.kill();
            service.start();

            api.get("/api/v1/pairings/{id}", id).then().statusCode(200)
                    .body("industrialCounty.name", equalTo("义乌市")).body("sourceNote", equalTo("重启之后仍在"));
            api.queryParam("program", "ZJ-MFG-2023").get("/api/v1/pairings").then().statusCode(200)
                    .body("totalItems", equalTo(8));
        }
    }
}
