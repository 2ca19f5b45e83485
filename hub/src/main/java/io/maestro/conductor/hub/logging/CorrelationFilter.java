package io.maestro.conductor.hub.logging;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.MDC;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Puts the correlation id (caller's {@code X-Correlation-Id} when well-formed, else a new one) and
 * the tenant named in the path into the MDC, so every log line of an API call carries both. Runs
 * before security so refused calls are traceable too.
 */
public class CorrelationFilter extends OncePerRequestFilter {

    public static final String CORRELATION_HEADER = "X-Correlation-Id";
    public static final String MDC_CORRELATION_ID = "correlationId";
    public static final String MDC_TENANT = "tenant";

    private static final Pattern SAFE_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final Pattern TENANT_IN_PATH = Pattern.compile("^/api/tenants/([^/]+)");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String offered = request.getHeader(CORRELATION_HEADER);
        String correlationId = offered != null && SAFE_ID.matcher(offered).matches()
                ? offered
                : UUID.randomUUID().toString();
        MDC.put(MDC_CORRELATION_ID, correlationId);
        Matcher tenant = TENANT_IN_PATH.matcher(request.getRequestURI());
        if (tenant.find() && SAFE_ID.matcher(tenant.group(1)).matches()) {
            MDC.put(MDC_TENANT, tenant.group(1));
        }
        response.setHeader(CORRELATION_HEADER, correlationId);
        try {
            chain.doFilter(request, response);
        } finally {
            MDC.remove(MDC_CORRELATION_ID);
            MDC.remove(MDC_TENANT);
        }
    }
}
