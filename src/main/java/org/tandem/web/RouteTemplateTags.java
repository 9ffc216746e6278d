package org.tandem.web;

import jakarta.inject.Singleton;

import io.micrometer.core.instrument.Tags;
import io.quarkus.micrometer.runtime.HttpServerMetricsTagsContributor;

/**
 * Keeps the {@code uri} label of {@code http_server_requests_seconds} bounded. Quarkus labels a request with the
 * path template of the resource method it matched ({@code /api/v1/pairings/{id}}), a 404 that matched none
 * {@code NOT_FOUND} and a redirect {@code REDIRECTION}, but any other answer that matched no method with the
 * request's own path: a 405 (a method the path does not have), a 414 or 431 ({@link RequestLimits}), a 400 for a
 * malformed request. Those get {@code UNMATCHED} here instead, so that no client can add series at will. Requests
 * to {@code /q/} endpoints are not timed (Quarkus's default).
 */
@Singleton
class RouteTemplateTags implements HttpServerMetricsTagsContributor {

    /** Where RESTEasy Reactive keeps the matched method's template, in the request's context. */
    private static final String TEMPLATE = "UrlPathTemplate";
    private static final Tags UNMATCHED = Tags.of("uri", "UNMATCHED");

    @Override
    public Tags contribute(Context context) {
        if (context.requestContextLocalData(TEMPLATE) != null) {
            return Tags.empty();
        }
        int status = context.response() == null ? 0 : context.response().statusCode();
        return status == 404 || status / 100 == 3 ? Tags.empty() : UNMATCHED;
    }
}
