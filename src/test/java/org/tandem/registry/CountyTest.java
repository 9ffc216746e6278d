package org.tandem.registry;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.tandem.support.Api.api;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class CountyTest {

    @Test
    void filtersByCategoryCityAndName() {
        api().queryParam("category", "MOUNTAIN").queryParam("size", 100).get("/api/v1/counties").then()
                .statusCode(200).body("totalItems", equalTo(26)).body("items.category", everyItem(equalTo("MOUNTAIN")));
        api().queryParam("cityCode", "331100").get("/api/v1/counties").then().statusCode(200)
                .body("totalItems", equalTo(9)).body("items.cityName", everyItem(equalTo("丽水市")));
        api().queryParam("q", "义乌").get("/api/v1/counties").then().statusCode(200)
                .body("items.code", contains("330782"));
    }

    @Test
    void pagesAreStableAndSortable() {
        api().queryParam("size", 40).queryParam("page", 2).get("/api/v1/counties").then().statusCode(200)
                .body("items", hasSize(10)).body("page", equalTo(2)).body("size", equalTo(40))
                .body("totalItems", equalTo(90)).body("items[9].code", equalTo("331181"));
        api().queryParam("size", 2).queryParam("sort", "-code").get("/api/v1/counties").then().statusCode(200)
                .body("items.code", contains("331181", "331127"));
    }

    @Test
    void getsOneCountyOr404() {
        String tag = api().get("/api/v1/counties/{code}", "331102").then().statusCode(200)
                .header("ETag", org.hamcrest.Matchers.matchesPattern("\"[A-Za-z0-9_-]{22}\"")).extract().header("ETag");
        api().get("/api/v1/counties/{code}", "331102").then().statusCode(200).header("ETag", equalTo(tag))
                .body("name", equalTo("莲都区"))
                .body("category", equalTo("MOUNTAIN"));
        api().get("/api/v1/counties/{code}", "999999").then().statusCode(404)
                .contentType("application/problem+json").body("detail", equalTo("county 999999 does not exist"));
    }

    @ParameterizedTest
    @CsvSource({ "size,0", "size,501", "size,abc", "page,-1", "sort,bogus", "category,FOO", "cityCode,33" })
    void badQueryParametersAre400Problems(String name, String value) {
        api().queryParam(name, value).get("/api/v1/counties").then().statusCode(400)
                .contentType("application/problem+json").body("status", equalTo(400));
    }
}
