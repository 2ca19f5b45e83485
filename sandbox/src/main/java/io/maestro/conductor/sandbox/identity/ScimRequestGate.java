package io.maestro.conductor.sandbox.identity;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.atomic.AtomicLong;

/**
 * In front of every SCIM request: the bearer token check a real provisioning endpoint has, and scripted
 * failures (429 or 5xx with an optional {@code Retry-After}) so a client's retries meet real HTTP answers.
 * Failures are answered in RFC 7644's error shape.
 */
@Priority(Priorities.AUTHENTICATION)
final class ScimRequestGate implements ContainerRequestFilter {

    private record Failure(int status, Duration retryAfter) {}

    private final String bearerToken;
    private final Deque<Failure> scriptedFailures = new ArrayDeque<>();
    private final AtomicLong requests = new AtomicLong();

    ScimRequestGate(String bearerToken) {
        this.bearerToken = bearerToken;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        requests.incrementAndGet();
        if (!("Bearer " + bearerToken).equals(request.getHeaderString(HttpHeaders.AUTHORIZATION))) {
            request.abortWith(error(401, null, "Bearer token missing or not accepted"));
            return;
        }
        Failure failure;
        synchronized (scriptedFailures) {
            failure = scriptedFailures.poll();
        }
        if (failure != null) {
            request.abortWith(error(failure.status(), failure.retryAfter(), "Scripted failure"));
        }
    }

    void failNext(int count, int status, Duration retryAfter) {
        synchronized (scriptedFailures) {
            for (int i = 0; i < count; i++) {
                scriptedFailures.add(new Failure(status, retryAfter));
            }
        }
    }

    long requestCount() {
        return requests.get();
    }

    private static Response error(int status, Duration retryAfter, String detail) {
        Response.ResponseBuilder response = Response.status(status)
                .type("application/scim+json")
                .entity("{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:Error\"],\"status\":\"" + status
                        + "\",\"detail\":\"" + detail + "\"}");
        if (retryAfter != null) {
            response.header(HttpHeaders.RETRY_AFTER, Long.toString(retryAfter.toSeconds()));
        }
        return response.build();
    }
}
