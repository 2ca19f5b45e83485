package io.maestro.conductor.hub.api;

import io.maestro.conductor.hub.api.request.RequestTooLargeException;
import io.maestro.conductor.hub.security.TenantNotVisibleException;
import io.maestro.conductor.registry.ErrorCode;
import io.maestro.conductor.registry.RegistryException;
import io.maestro.conductor.registry.Violation;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageConversionException;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Renders every failure of the admin API as RFC 9457 {@code application/problem+json} with a stable
 * {@code code}: registry refusals by their {@link ErrorCode}, framework errors (malformed JSON,
 * unknown path, wrong method) by status, anything unexpected as {@code INTERNAL_ERROR} without
 * details.
 */
@RestControllerAdvice
public class ApiProblems extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiProblems.class);

    @ExceptionHandler(RegistryException.class)
    ProblemDetail registryRefusal(RegistryException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(statusOf(e), e.getMessage());
        problem.setTitle(titleOf(e.code()));
        problem.setProperty("code", e.code().name());
        if (!e.violations().isEmpty()) {
            problem.setProperty(
                    "violations",
                    e.violations().stream().map(ApiProblems::violation).toList());
        }
        log.info("event=api_refused code={} status={}", e.code(), problem.getStatus());
        return problem;
    }

    @ExceptionHandler(TenantNotVisibleException.class)
    ProblemDetail tenantNotVisible(TenantNotVisibleException e) {
        // Same body as the registry's unknown tenant: a caller cannot tell "hidden" from "absent".
        return registryRefusal(new RegistryException(ErrorCode.TENANT_NOT_FOUND, e.getMessage()));
    }

    @ExceptionHandler(ApiRequestException.class)
    ProblemDetail refusedByApi(ApiRequestException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(e.status(), e.getMessage());
        problem.setProperty("code", e.code());
        e.properties().forEach(problem::setProperty);
        return problem;
    }

    @ExceptionHandler(RequestTooLargeException.class)
    ProblemDetail tooLarge(RequestTooLargeException e) {
        return e.problem();
    }

    /** The firewall rejects a header value (control characters, non-ASCII) when the request first reads it. */
    @ExceptionHandler(RequestRejectedException.class)
    ProblemDetail rejected(RequestRejectedException e) {
        return malformed("The request has a header, path or parameter the hub does not accept.");
    }

    /**
     * A body that parses but cannot become the expected type (Jackson reports some such input as a type definition
     * problem); reading the request is the only conversion that reaches here, writing ones are 500 by the base class.
     */
    @ExceptionHandler(HttpMessageConversionException.class)
    ProblemDetail bodyNotConvertible(HttpMessageConversionException e) {
        log.warn("event=api_body_not_convertible", e);
        return malformed("The request body does not have the expected shape.");
    }

    private static ProblemDetail malformed(String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
        problem.setProperty("code", codeOf(HttpStatus.BAD_REQUEST));
        return problem;
    }

    @ExceptionHandler(Exception.class)
    ProblemDetail unexpected(Exception e) {
        log.error("event=api_internal_error", e);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.INTERNAL_SERVER_ERROR,
                "The hub could not complete the request; see its log for this correlation id.");
        problem.setProperty("code", "INTERNAL_ERROR");
        return problem;
    }

    /** A body cut off at its bound reaches the framework as unreadable; it is a 413, not a malformed request. */
    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        RequestTooLargeException tooLarge = RequestTooLargeException.in(ex);
        if (tooLarge != null) {
            return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE)
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .body(tooLarge.problem());
        }
        return super.handleHttpMessageNotReadable(ex, headers, status, request);
    }

    /** Gives the framework's own problems (400, 404, 405, 415, ...) a stable code too. */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(
            Exception ex, Object body, HttpHeaders headers, HttpStatusCode statusCode, WebRequest request) {
        ResponseEntity<Object> response = super.handleExceptionInternal(ex, body, headers, statusCode, request);
        if (response != null && response.getBody() instanceof ProblemDetail problem) {
            problem.setProperty("code", codeOf(statusCode));
        }
        return response;
    }

    /** The stable code of a problem that carries only an HTTP status. */
    static String codeOf(HttpStatusCode status) {
        HttpStatus known = HttpStatus.resolve(status.value());
        return known == null
                ? "HTTP_" + status.value()
                : switch (known) {
                    case BAD_REQUEST -> "REQUEST_MALFORMED";
                    case INTERNAL_SERVER_ERROR -> "INTERNAL_ERROR";
                    case NOT_FOUND -> "NOT_FOUND";
                    case METHOD_NOT_ALLOWED -> "METHOD_NOT_ALLOWED";
                    case UNSUPPORTED_MEDIA_TYPE -> "MEDIA_TYPE_UNSUPPORTED";
                    case NOT_ACCEPTABLE -> "NOT_ACCEPTABLE";
                    case PAYLOAD_TOO_LARGE -> RequestTooLargeException.CODE;
                    default -> known.name();
                };
    }

    /** Refusals about something the request body names (e.g. a secret a config refers to) are 400s. */
    private static HttpStatus statusOf(RegistryException e) {
        if (!e.violations().isEmpty()) {
            return HttpStatus.BAD_REQUEST;
        }
        return switch (e.code().kind()) {
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case CONFLICT -> HttpStatus.CONFLICT;
            case INVALID -> HttpStatus.BAD_REQUEST;
            case FORBIDDEN -> HttpStatus.FORBIDDEN;
        };
    }

    private static String titleOf(ErrorCode code) {
        String words = code.name().replace('_', ' ').toLowerCase();
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    private static Map<String, String> violation(Violation v) {
        return Map.of("pointer", v.pointer(), "message", v.message());
    }
}
