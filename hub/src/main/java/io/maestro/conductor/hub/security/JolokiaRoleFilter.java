package io.maestro.conductor.hub.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Set;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * What Hawtio may do for a user who only views: Jolokia requests of the reading types ({@code read}, {@code list},
 * {@code search}, {@code version}) pass; {@code exec} and {@code write} (stopping a route, changing an attribute) need
 * the operator or admin role. GET requests name the type in the path, POST requests in the JSON body (one request or
 * a bulk array), which is read once (bounded) and handed on unchanged.
 */
final class JolokiaRoleFilter extends OncePerRequestFilter {

    static final String JOLOKIA = "/actuator/jolokia";
    private static final Set<String> READING = Set.of("read", "list", "search", "version");
    private static final int MAX_BODY_BYTES = 64 * 1024;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ProblemAuthenticationEntryPoint problems;

    JolokiaRoleFilter(ProblemAuthenticationEntryPoint problems) {
        this.problems = problems;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return !(path.equals(JOLOKIA) || path.startsWith(JOLOKIA + "/"));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication caller = SecurityContextHolder.getContext().getAuthentication();
        if (caller == null || !(caller.getPrincipal() instanceof ConductorUser user) || mayChange(user)) {
            chain.doFilter(request, response);
            return;
        }
        if ("GET".equals(request.getMethod())) {
            String path =
                    request.getRequestURI().substring(request.getContextPath().length() + JOLOKIA.length());
            String type = path.replaceFirst("^/", "").split("/", 2)[0];
            if (type.isEmpty() || READING.contains(type)) {
                chain.doFilter(request, response);
            } else {
                refuse(request, response);
            }
            return;
        }
        byte[] body;
        try (InputStream in = request.getInputStream()) {
            body = in.readNBytes(MAX_BODY_BYTES + 1);
        }
        if (body.length > MAX_BODY_BYTES || !onlyReading(body)) {
            refuse(request, response);
            return;
        }
        chain.doFilter(new CachedBody(request, body), response);
    }

    private static boolean mayChange(ConductorUser user) {
        return user.roles().contains(OperatorRole.OPERATOR) || user.roles().contains(OperatorRole.ADMIN);
    }

    private static boolean onlyReading(byte[] body) {
        try {
            JsonNode requests = JSON.readTree(body);
            if (requests == null) {
                return false;
            }
            for (JsonNode one :
                    requests.isArray() ? requests : JSON.createArrayNode().add(requests)) {
                if (!READING.contains(one.path("type").asText())) {
                    return false;
                }
            }
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response) throws IOException {
        problems.handle(request, response, new AccessDeniedException("viewers only read through Jolokia"));
    }

    /** The request with its body already read, for Jolokia to read again. */
    private static final class CachedBody extends HttpServletRequestWrapper {
        private final byte[] body;

        CachedBody(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("synchronous reads only");
                }

                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }
            };
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }
    }
}
