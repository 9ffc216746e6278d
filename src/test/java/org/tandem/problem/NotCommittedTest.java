package org.tandem.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.Proxy;

import jakarta.transaction.RollbackException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.junit.jupiter.api.Test;

import io.quarkus.arc.ArcUndeclaredThrowableException;

/**
 * A transaction the transaction manager rolled back instead of committing (the reaper aborted it past its time
 * limit) answers 503 not-committed, not 500: nothing of it was kept and the client may try again.
 */
class NotCommittedTest {

    private static final UriInfo URI = (UriInfo) Proxy.newProxyInstance(UriInfo.class.getClassLoader(),
            new Class<?>[] { UriInfo.class }, (proxy, method, args) -> "getPath".equals(method.getName())
                    ? "/api/v1/imports"
                    : null);

    @Test
    void aRolledBackCommitIs503NotCommitted() {
        Response response = new ProblemMappers().unexpected(new ArcUndeclaredThrowableException(
                new RollbackException("ARJUNA016102: The transaction is not active!")), URI);
        assertEquals(503, response.getStatus());
        Problem problem = (Problem) response.getEntity();
        assertEquals("/problems/not-committed", problem.type());
        assertEquals("/api/v1/imports", problem.instance());
    }

    @Test
    void anythingElseUnexpectedStays500() {
        Response response = new ProblemMappers().unexpected(new IllegalStateException("a bug"), URI);
        assertEquals(500, response.getStatus());
    }
}
