package io.maestro.conductor.hub.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;

/**
 * Answers 401, 403 and the firewall's 400 (a request with a header, path or parameter it rejects) as RFC 9457
 * problems, like every other error of the hub. The 400 is written here rather than sent to the error page, whose
 * dispatch would carry the same rejected request through the firewall again.
 */
public class ProblemAuthenticationEntryPoint
        implements AuthenticationEntryPoint, AccessDeniedHandler, RequestRejectedHandler {

    private final ObjectMapper json;

    public ProblemAuthenticationEntryPoint(ObjectMapper json) {
        this.json = json;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        response.setHeader("WWW-Authenticate", "Basic realm=\"conductor\"");
        write(request, response, HttpStatus.UNAUTHORIZED, "UNAUTHENTICATED", "Log in with an operator or API user.");
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException {
        write(
                request,
                response,
                HttpStatus.FORBIDDEN,
                "FORBIDDEN",
                "Your role does not allow this action (roles: viewer, operator, approver, admin).");
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, RequestRejectedException e)
            throws IOException {
        // No instance: the rejected path may not even be a valid URI.
        write(
                null,
                response,
                HttpStatus.BAD_REQUEST,
                "REQUEST_MALFORMED",
                "The request has a header, path or parameter the hub does not accept.");
    }

    /** A refusal decided outside Spring Security's flow (a bearer token), in the same problem form. */
    void refuse(
            HttpServletRequest request,
            HttpServletResponse response,
            HttpStatus status,
            String code,
            String detail,
            String wwwAuthenticate)
            throws IOException {
        if (wwwAuthenticate != null) {
            response.setHeader("WWW-Authenticate", wwwAuthenticate);
        }
        write(request, response, status, code, detail);
    }

    private void write(
            HttpServletRequest request, HttpServletResponse response, HttpStatus status, String code, String detail)
            throws IOException {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        if (request != null) {
            problem.setInstance(URI.create(request.getRequestURI()));
        }
        problem.setProperty("code", code);
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }
}
