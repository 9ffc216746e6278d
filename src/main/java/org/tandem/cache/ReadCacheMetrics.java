package org.tandem.cache;

import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

/**
 * Counts the read cache's hits and misses for {@code /q/metrics} as {@code tandem_read_cache_gets_total}, by
 * {@code result} (hit, miss) and {@code read}: the route template of a request's read (as in
 * {@code http_server_requests_seconds}, e.g. {@code /api/v1/assessments/{id}}, never the request's own path),
 * {@code other} for a read asked for by name outside a request's. Templates are those of the resource methods,
 * so the labels are bounded by the code. The counters of a read are registered once, on its first use.
 */
@Startup
@ApplicationScoped
class ReadCacheMetrics {

    static final String GETS = "tandem.read.cache.gets";
    /**
     * Where RESTEasy Reactive puts the matched resource method's path template for the HTTP metrics: a local of the
     * request's Vert.x context ({@code ObservabilityUtil}).
     */
    private static final String TEMPLATE = "UrlPathTemplate";

    /** A read's two counters. */
    record Meters(Counter hits, Counter misses) {
    }

    private final MeterRegistry registry;
    private final ConcurrentHashMap<String, Meters> byTemplate = new ConcurrentHashMap<>();
    private final Meters other;

    @Inject
    ReadCacheMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.other = register("other");
    }

    private Meters register(String read) {
        return new Meters(counter(read, "hit"), counter(read, "miss"));
    }

    private Counter counter(String read, String result) {
        return Counter.builder(GETS).description("Reads asked of the read cache, by read and whether it had them")
                .tag("read", read).tag("result", result).register(registry);
    }

    /** The counters of the current request's read, named by its route template; call on the request's context. */
    Meters ofRequest() {
        Context context = Vertx.currentContext();
        return ofTemplate(context == null ? null : context.getLocal(TEMPLATE));
    }

    /** The counters of a request's read whose route template is {@code template} (null: unknown). */
    Meters ofTemplate(Object template) {
        if (!(template instanceof String name)) {
            return other;
        }
        Meters meters = byTemplate.get(name);
        return meters != null ? meters : byTemplate.computeIfAbsent(name, this::register);
    }

    /** The counters of a read named by a key that is not a request's. */
    Meters other() {
        return other;
    }
}
