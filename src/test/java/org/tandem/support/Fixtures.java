package org.tandem.support;

import static org.tandem.support.Api.api;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Test data each test makes for itself: a fresh program with its own designated counties, so that tests
 * never depend on each other or on the shipped pairings.
 */
public final class Fixtures {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    private static final String RUN = Long.toString(System.nanoTime() % 1_000_000, 36).toUpperCase();

    /** Counties that are neither mountain nor industrial in the reference data; free to designate at will. */
    public static final String HANGZHOU_SHANGCHENG = "330102";
    public static final String HANGZHOU_GONGSHU = "330105";
    public static final String HANGZHOU_XIHU = "330106";
    public static final String YIWU = "330782";
    public static final String LIANDU = "331102";
    public static final String NANHU = "330402";
    public static final String SUICHANG = "331123";
    public static final String JINGNING = "331127";
    public static final String CHUNAN = "330127";
    /** Cities: Yiwu lies in Jinhua, Liandu and Suichang in Lishui, Nanhu in Jiaxing, Chun'an in Hangzhou. */
    public static final String JINHUA = "330700";
    public static final String LISHUI = "331100";
    public static final String HANGZHOU = "330100";

    private Fixtures() {
    }

    public static String uniqueCode(String prefix) {
        return prefix + "-" + RUN + "-" + SEQUENCE.incrementAndGet();
    }

    /** Creates a 2023–2025 program designating the given counties; returns its code. */
    public static String program(List<String> industrial, List<String> mountain) {
        String code = uniqueCode("T");
        api().body(Map.of("code", code, "name", "测试计划 " + code, "startYear", 2023, "endYear", 2025,
                "annualBudget", 1800000000)).post("/api/v1/programs").then().statusCode(201);
        api().body(Map.of("industrial", industrial, "mountain", mountain))
                .put("/api/v1/programs/{code}/counties", code).then().statusCode(200);
        return code;
    }

    /** Pairs two counties in a program; returns the new pairing's id. */
    public static long pairing(String program, String industrial, String mountain) {
        return api().body(Map.of("program", program, "industrialCounty", industrial, "mountainCounty", mountain))
                .post("/api/v1/pairings").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    /** The password of every user a test creates. */
    public static final String PASSWORD = "a-test-password";

    /**
     * Creates a user of the built-in identity provider with one role (and, for a county editor, its county);
     * returns the unique username. Log in with {@link Api#as(String, String)} and {@link #PASSWORD}.
     */
    public static String user(String role, String county) {
        String username = uniqueCode(role).toLowerCase();
        Map<String, Object> body = new java.util.HashMap<>(Map.of("username", username, "password", PASSWORD,
                "roles", List.of(role)));
        if (county != null) {
            body.put("county", county);
        }
        api().body(body).post("/api/v1/users").then().statusCode(201);
        return username;
    }

    /** Creates a city reviewer bound to the city with this code; returns the unique username. */
    public static String cityReviewer(String city) {
        String username = uniqueCode("city-reviewer").toLowerCase();
        api().body(Map.of("username", username, "password", PASSWORD, "roles", List.of("city-reviewer"), "city", city))
                .post("/api/v1/users").then().statusCode(201);
        return username;
    }

    /** A program with one pairing of Yiwu and Liandu; returns the pairing's id. */
    public static long yiwuLiandu() {
        return pairing(program(List.of(YIWU), List.of(LIANDU)), YIWU, LIANDU);
    }
}
