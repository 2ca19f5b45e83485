package io.maestro.conductor.hub.api.request;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Bounds every request body by {@link RequestBodyLimits}: a declared {@code Content-Length} over the bound is refused
 * before anything reads the body, and every body is counted while it is read, so a chunked one cannot go past it
 * either. Both answer 413 {@code REQUEST_TOO_LARGE} with the limit, and count in
 * {@code conductor.api.request.too.large}.
 */
class RequestBodyLimitFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(RequestBodyLimitFilter.class);

    private final RequestBodyLimits.Resolver limits;
    private final ProblemWriter problems;
    private final MeterRegistry meters;

    RequestBodyLimitFilter(RequestBodyLimits limits, ProblemWriter problems, MeterRegistry meters) {
        this.limits = limits.resolver();
        this.problems = problems;
        this.meters = meters;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long limit = limits.limitFor(
                request.getRequestURI().substring(request.getContextPath().length()));
        if (request.getContentLengthLong() > limit) {
            refuse(request, response, new RequestTooLargeException(limit));
            return;
        }
        BoundedRequest bounded = new BoundedRequest(request, limit);
        try {
            chain.doFilter(bounded, response);
        } catch (IOException | ServletException | RuntimeException e) {
            // Reached here only when no handler inside answered it (a servlet reading the body itself).
            RequestTooLargeException tooLarge = RequestTooLargeException.in(e);
            if (tooLarge == null || response.isCommitted()) {
                throw e;
            }
            response.reset();
            problems.write(response, tooLarge.problem());
        } finally {
            if (bounded.exceeded()) {
                record(request, limit);
            }
        }
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, RequestTooLargeException tooLarge)
            throws IOException {
        record(request, tooLarge.limitBytes());
        problems.write(response, tooLarge.problem());
    }

    private void record(HttpServletRequest request, long limit) {
        meters.counter("conductor.api.request.too.large").increment();
        log.info(
                "event=request_too_large method={} path={} limit={}",
                request.getMethod(),
                request.getRequestURI(),
                limit);
    }
}
