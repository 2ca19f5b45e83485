package io.maestro.conductor.hub.api.limits;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Bounds every request body by {@link RequestBodyLimits}: a declared {@code Content-Length} over the bound is refused
 * before anything reads the body, and every body is counted while it is read, so a chunked one cannot go past it
 * either. Both answer 413 {@code REQUEST_TOO_LARGE} with the limit, and count in
 * {@code conductor.api.request.too.large}.
 */
public class RequestBodyLimitFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(RequestBodyLimitFilter.class);

    private final RequestBodyLimits.Resolver limits;
    private final ObjectMapper json;
    private final MeterRegistry meters;

    public RequestBodyLimitFilter(RequestBodyLimits limits, ObjectMapper json, MeterRegistry meters) {
        this.limits = limits.resolver();
        this.json = json;
        this.meters = meters;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long limit = limits.limitFor(request.getRequestURI().substring(request.getContextPath().length()));
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
            answer(response, tooLarge);
        } finally {
            if (bounded.exceeded()) {
                record(request, limit);
            }
        }
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, RequestTooLargeException tooLarge)
            throws IOException {
        record(request, tooLarge.limitBytes());
        answer(response, tooLarge);
    }

    private void record(HttpServletRequest request, long limit) {
        meters.counter("conductor.api.request.too.large").increment();
        log.info("event=request_too_large method={} path={} limit={}", request.getMethod(), request.getRequestURI(),
                limit);
    }

    private void answer(HttpServletResponse response, RequestTooLargeException tooLarge) throws IOException {
        response.setStatus(tooLarge.problem().getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), tooLarge.problem());
    }
}
