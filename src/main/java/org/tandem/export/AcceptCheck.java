package org.tandem.export;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.NotAcceptableException;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Answers 406 to a read whose {@code Accept} allows nothing its method produces. The REST layer does so itself
 * where a path has one method; where a read has two, its JSON and its export (see {@link FormatParameter}), it
 * picks one of them even for an {@code Accept} that neither produces. This runs once the method is matched and
 * asks that method alone, so a printable HTML page, a list and its export are held to the same rule.
 */
public class AcceptCheck {

    /** The media types each resource method declares, from its own {@code @Produces} or its class's. */
    private final Map<Method, List<MediaType>> produced = new ConcurrentHashMap<>();

    @ServerRequestFilter
    public void check(ContainerRequestContext request, ResourceInfo resource) {
        if (!(HttpMethod.GET.equals(request.getMethod()) || HttpMethod.HEAD.equals(request.getMethod()))
                || resource.getResourceMethod() == null) {
            return;
        }
        List<String> accept = request.getHeaders().get(HttpHeaders.ACCEPT);
        String header = accept == null ? "" : String.join(",", accept);
        if (header.isBlank()) {
            return;
        }
        List<MediaType> types = produced.computeIfAbsent(resource.getResourceMethod(), AcceptCheck::declared);
        if (types.isEmpty()) {
            return;
        }
        for (MediaType wanted : Format.acceptable(header)) {
            for (MediaType type : types) {
                if (type.isCompatible(wanted)) {
                    return;
                }
            }
        }
        throw new NotAcceptableException();
    }

    private static List<MediaType> declared(Method method) {
        Produces produces = method.isAnnotationPresent(Produces.class) ? method.getAnnotation(Produces.class)
                : method.getDeclaringClass().getAnnotation(Produces.class);
        if (produces == null) {
            return List.of();
        }
        return Arrays.stream(produces.value()).flatMap(value -> Arrays.stream(value.split(",")))
                .map(value -> MediaType.valueOf(value.trim())).toList();
    }
}
