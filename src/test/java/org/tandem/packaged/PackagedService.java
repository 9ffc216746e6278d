package org.tandem.packaged;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The packaged service ({@code target/quarkus-app/quarkus-run.jar}) run as a real process on a data
 * directory of the test's choosing, so tests can stop it however they like and start it again.
 */
final class PackagedService implements AutoCloseable {

    private static final Path JAR = Path.of("target", "quarkus-app", "quarkus-run.jar");
    private static final String DATASOURCE = "quarkus.datasource.";

    private final Path dataDir;
    private final Path log;
    private final int port;
    private Process process;

    private String adminPassword = ADMIN_PASSWORD;
    private final List<String> extraSettings = new ArrayList<>();
    private Duration readyTimeout = Duration.ofSeconds(60);

    /**
     * Starts with these settings too, each {@code key=value}, passed as system properties (e.g. the synthetic data
     * settings {@code tandem.generate.*}).
     */
    PackagedService with(String... keyValues) {
        for (String keyValue : keyValues) {
            extraSettings.add("-D" + keyValue);
        }
        return this;
    }

    /** How long a start may take before it counts as failed (generating benchmark data takes minutes). */
    PackagedService readyWithin(Duration timeout) {
        this.readyTimeout = timeout;
        return this;
    }

    /** Starts with this admin password instead of the usual one. */
    PackagedService withAdminPassword(String password) {
        this.adminPassword = password;
        return this;
    }

    PackagedService(Path dataDir) throws IOException {
        this.dataDir = dataDir;
        this.log = dataDir.resolve("service.log");
        try (ServerSocket socket = new ServerSocket(0)) {
            this.port = socket.getLocalPort();
        }
    }

    /** The admin password the service is started with: the prod profile refuses the test profile's one. */
    static final String ADMIN_PASSWORD = "packaged-admin-password";

    private String token;

    /** A JSON request to this service as its admin. */
    io.restassured.specification.RequestSpecification api() {
        return io.restassured.RestAssured.given().baseUri(baseUri()).contentType("application/json").auth()
                .oauth2(adminToken());
    }

    /** A bearer token of the admin, from the service's own token endpoint; kept, the key outlives restarts. */
    synchronized String adminToken() {
        if (token == null) {
            token = fetchToken();
        }
        return token;
    }

    private String fetchToken() {
        return io.restassured.RestAssured.given().baseUri(baseUri()).contentType("application/json")
                .body(java.util.Map.of("username", "admin", "password", ADMIN_PASSWORD)).post("/api/v1/auth/token")
                .then().statusCode(200).extract().path("accessToken");
    }

    String baseUri() {
        return "http://localhost:" + port;
    }

    void start() throws IOException, InterruptedException {
        launch();
        awaitReady();
    }

    /** Starts the process and returns at once, without waiting for it to be ready. */
    void launch() throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dquarkus.http.port=" + port, "-Dtandem.data-dir=" + dataDir,
                "-Dtandem.admin.initial-password=" + adminPassword));
        command.addAll(datasourceSettings());
        command.addAll(extraSettings);
        command.addAll(List.of("-jar", JAR.toString()));
        process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
    }

    private void awaitReady() throws IOException, InterruptedException {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        HttpRequest ready = HttpRequest.newBuilder(URI.create(baseUri() + "/q/health/ready")).build();
        long deadline = System.nanoTime() + readyTimeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the service exited at start; see " + log);
            }
            try {
                if (client.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("the service did not become ready in " + readyTimeout + "; see " + log);
    }

    /**
     * Waits until the service's log shows this text; false if the process exited or the start's timeout passed
     * first.
     */
    boolean awaitLog(String text) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + readyTimeout.toNanos();
        while (System.nanoTime() < deadline && process.isAlive()) {
            if (Files.exists(log) && Files.readString(log, StandardCharsets.UTF_8).contains(text)) {
                return true;
            }
            Thread.sleep(20);
        }
        return false;
    }

    /**
     * The datasource settings this JVM was given as system properties (e.g. by {@code -Ppostgresql}), passed on to
     * the service; none on the embedded default, where the service keeps its H2 files in the data directory.
     */
    private static List<String> datasourceSettings() {
        return System.getProperties().stringPropertyNames().stream().filter(name -> name.startsWith(DATASOURCE))
                .sorted().map(name -> "-D" + name + "=" + System.getProperty(name)).toList();
    }

    /** Whether the service runs on the PostgreSQL the build passed on (-Ppostgresql), not on its own H2 files. */
    static boolean onPostgresql() {
        return System.getProperty(DATASOURCE + "jdbc.url", "").startsWith("jdbc:postgresql:");
    }

    /** Asks the process to stop (SIGTERM): Quarkus shuts down gracefully. Returns its exit code. */
    int terminate() throws InterruptedException {
        process.destroy();
        return process.waitFor();
    }

    /** Kills the process outright (SIGKILL): no shutdown hook runs, nothing is flushed on the way out. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            kill();
        }
    }
}
