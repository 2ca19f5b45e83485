package io.maestro.conductor.hub.security;

import io.maestro.conductor.identity.IdentityErrorCode;
import io.maestro.conductor.identity.IdentityException;
import io.maestro.conductor.identity.oidc.ValidatedToken;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * {@code Authorization: Bearer <token>} on any guarded path (admin API, Hawtio, Jolokia, actuator): the token is
 * validated as an OpenID Connect access token of the configured issuer and its claims become the request's
 * {@link ConductorUser}; the URL rules then apply as to any user. A refused token is answered here, 401 with the
 * identity code ({@code TOKEN_EXPIRED}, {@code TOKEN_INVALID}, …) and {@code WWW-Authenticate: Bearer
 * error="invalid_token"}, never 500; a provider that cannot be reached is 503 {@code IDP_UNAVAILABLE}. The token
 * is never logged or echoed.
 */
final class OidcBearerFilter extends OncePerRequestFilter {

    private static final Logger LOG = LoggerFactory.getLogger(OidcBearerFilter.class);
    private static final String BEARER = "bearer ";

    private final OidcOperators operators;
    private final ProblemAuthenticationEntryPoint problems;

    OidcBearerFilter(OidcOperators operators, ProblemAuthenticationEntryPoint problems) {
        this.operators = operators;
        this.problems = problems;
    }

    /** Whether the request carries a bearer token (it then needs no CSRF token: a browser never adds one itself). */
    static boolean hasBearer(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        return header != null && header.regionMatches(true, 0, BEARER, 0, BEARER.length());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!hasBearer(request)) {
            chain.doFilter(request, response);
            return;
        }
        String token =
                request.getHeader("Authorization").substring(BEARER.length()).trim();
        ConductorUser user;
        try {
            ValidatedToken validated = operators.validate(token);
            user = operators.user(validated.subject(), validated.claims());
        } catch (IdentityException e) {
            refuse(request, response, e.code());
            return;
        } catch (RuntimeException e) {
            // Whatever else a hostile token provokes is a refusal, not a server error.
            LOG.atWarn()
                    .addKeyValue("event", "operator_token_refused")
                    .addKeyValue("code", IdentityErrorCode.TOKEN_INVALID.name())
                    .log("bearer token refused ({})", e.getClass().getSimpleName());
            refuse(request, response, IdentityErrorCode.TOKEN_INVALID);
            return;
        }
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
        SecurityContextHolder.setContext(context);
        chain.doFilter(request, response);
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, IdentityErrorCode code)
            throws IOException {
        LOG.atInfo()
                .addKeyValue("event", "operator_token_refused")
                .addKeyValue("code", code.name())
                .log("bearer token refused");
        if (OidcOperators.providerFault(code)) {
            problems.refuse(
                    request,
                    response,
                    HttpStatus.SERVICE_UNAVAILABLE,
                    IdentityErrorCode.IDP_UNAVAILABLE.name(),
                    "The identity provider cannot check tokens now; try again or log in with a password.",
                    null);
            return;
        }
        problems.refuse(
                request,
                response,
                HttpStatus.UNAUTHORIZED,
                code.name(),
                "The bearer token was refused (" + code.name().toLowerCase(Locale.ROOT) + ").",
                "Bearer error=\"invalid_token\"");
    }
}
