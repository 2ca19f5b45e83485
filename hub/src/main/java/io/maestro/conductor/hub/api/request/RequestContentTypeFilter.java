package io.maestro.conductor.hub.api.request;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A request's {@code Content-Type} must be one concrete media type: a wildcard ({@code *}{@code /*}) or an
 * unparsable one is refused with 415 {@code MEDIA_TYPE_UNSUPPORTED} here, because deeper in Spring MVC such a
 * header fails as an internal error instead of as the client's mistake.
 */
class RequestContentTypeFilter extends OncePerRequestFilter {

    private final ProblemWriter problems;

    RequestContentTypeFilter(ProblemWriter problems) {
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String contentType = request.getContentType();
        if (contentType != null && !contentType.isBlank() && !concrete(contentType)) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                    HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                    "Content-Type must be one concrete media type, such as application/json");
            problem.setProperty("code", "MEDIA_TYPE_UNSUPPORTED");
            problems.write(response, problem);
            return;
        }
        chain.doFilter(request, response);
    }

    private static boolean concrete(String contentType) {
        try {
            MediaType parsed = MediaType.parseMediaType(contentType);
            parsed.getCharset(); // an unknown or malformed charset fails here
            return parsed.isConcrete();
        } catch (IllegalArgumentException e) { // InvalidMediaTypeException, UnsupportedCharsetException, ...
            return false;
        }
    }
}
