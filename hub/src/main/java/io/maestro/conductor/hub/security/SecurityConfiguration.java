package io.maestro.conductor.hub.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.maestro.conductor.hub.config.ConductorProperties;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.autoconfigure.security.servlet.EndpointRequest;
import org.springframework.boot.actuate.health.HealthEndpoint;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.access.hierarchicalroles.RoleHierarchyImpl;
import org.springframework.security.authorization.AuthorityAuthorizationManager;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationManagers;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.session.NullAuthenticatedSessionStrategy;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRequestAttributeHandler;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Only health is open; everything else (admin API, actuator, Hawtio, Jolokia) needs HTTP Basic, or, with
 * {@code conductor.oidc-login.enabled}, an OpenID Connect bearer token or the console's code-flow login
 * ({@link OidcOperators}: roles and tenants from the token's claims). Roles
 * ({@link OperatorRole}): reading the API needs viewer, changing anything operator, approving or rejecting a change
 * request approver; the console, actuator, cross-tenant views and policy simulation need a user who sees every
 * tenant.
 *
 * <p>Hawtio runs with its own JAAS authentication off ({@code hawtio.authenticationEnabled=false})
 * because this filter chain already guards {@code /actuator/hawtio/**} and {@code /actuator/jolokia/**}:
 * one login, one user store, and no JAAS realm to keep in step.
 *
 * <p>CSRF: the admin API is for non-browser clients and only takes JSON, PUT or DELETE, which a
 * foreign page cannot send without a CORS preflight (CORS is off), so it skips CSRF tokens. Jolokia
 * accepts a JSON body of any content type, so browser-facing paths keep CSRF protection with the
 * cookie-to-header scheme that the Hawtio console speaks ({@code XSRF-TOKEN} / {@code X-XSRF-TOKEN}).
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfiguration {

    @Bean
    PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder();
    }

    @Bean
    ConductorUserDirectory conductorUserDirectory(
            OperatorProperties operator,
            ConductorProperties properties,
            ApiUserProperties apiUsers,
            PasswordEncoder encoder) {
        String password = OperatorPassword.resolve(
                operator.password(), properties.dataDir(), operator.generatePassword(), System.out);
        return new ConductorUserDirectory(encoder.encode(password), apiUsers);
    }

    /** Admin implies operator and approver; both imply viewer (see {@link OperatorRole}). */
    @Bean
    static RoleHierarchy roleHierarchy() {
        return RoleHierarchyImpl.fromHierarchy(OperatorRole.HIERARCHY);
    }

    /** Also the firewall's: Spring Security uses a {@code RequestRejectedHandler} bean for rejected requests. */
    @Bean
    ProblemAuthenticationEntryPoint problemAuthenticationEntryPoint(ObjectMapper json) {
        return new ProblemAuthenticationEntryPoint(json);
    }

    @Bean
    SecurityFilterChain securityFilterChain(
            HttpSecurity http, ProblemAuthenticationEntryPoint problems, ObjectProvider<OidcOperators> oidc)
            throws Exception {
        http.authorizeHttpRequests(requests -> requests.requestMatchers(EndpointRequest.to(HealthEndpoint.class))
                        .permitAll()
                        .requestMatchers("/error")
                        .permitAll()
                        // Stripe signs its webhook deliveries and sends no credentials: the signature is checked
                        // against the tenant's webhook secret instead (WebhookIntake).
                        .requestMatchers(HttpMethod.POST, "/api/tenants/*/environments/*/payments/webhooks")
                        .permitAll()
                        .requestMatchers("/api/adapters/**")
                        .hasRole(ConductorUser.ALL_TENANTS_ROLE)
                        .requestMatchers("/api/adapter-bundles/**", "/api/adapter-bundles")
                        .access(operatorOfAllTenants())
                        // certifying a partner adapter lists it for every tenant: approvers who see every tenant
                        .requestMatchers(HttpMethod.POST, "/api/tenants/*/adapter-certifications/*/transitions")
                        .access(ofAllTenants(ConductorUser.APPROVER_ROLE))
                        .requestMatchers(HttpMethod.GET, "/api/**")
                        .hasRole(ConductorUser.VIEWER_ROLE)
                        .requestMatchers(HttpMethod.POST, "/api/tenants/*/environments/*/workflows/validate")
                        .hasRole(ConductorUser.VIEWER_ROLE)
                        .requestMatchers(HttpMethod.POST, "/api/policy/simulate")
                        .access(operatorOfAllTenants())
                        .requestMatchers(
                                HttpMethod.POST,
                                "/api/tenants/*/change-requests/*/approve",
                                "/api/tenants/*/change-requests/*/reject")
                        .hasRole(ConductorUser.APPROVER_ROLE)
                        .requestMatchers("/api/**")
                        .hasRole(ConductorUser.OPERATOR_ROLE)
                        .anyRequest()
                        .hasRole(ConductorUser.ALL_TENANTS_ROLE))
                .httpBasic(basic -> basic.authenticationEntryPoint(problems).realmName("conductor"))
                .exceptionHandling(
                        errors -> errors.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
        guardConsole(http, problems, oidc.getIfAvailable());
        return http.build();
    }

    /**
     * With {@code conductor.oidc-login.enabled}: the console's paths (Hawtio, Jolokia) and the login's own get a
     * chain of their own, ahead of the one above, that also logs a browser in through the authorization code flow
     * (state and nonce checked by Spring Security's OAuth2 login, the ID token's signature, issuer, audience and
     * expiry too) and keeps that login in a session. HTTP Basic and bearer tokens work there as everywhere, and
     * the URL rules are the same: the console needs a user who sees every tenant, Jolokia's changes an operator.
     */
    /** What the console's login chain guards: Hawtio, Jolokia, and the code flow's own paths. */
    private static final List<String> CONSOLE_PATHS =
            List.of("/actuator/hawtio", JolokiaRoleFilter.JOLOKIA, "/oauth2", "/login/oauth2");

    @Bean
    @Order(1)
    @ConditionalOnProperty(prefix = "conductor.oidc-login", name = "enabled", havingValue = "true")
    SecurityFilterChain consoleLoginChain(
            HttpSecurity http,
            ProblemAuthenticationEntryPoint problems,
            OidcOperators oidc,
            ClientRegistrationRepository registrations,
            OAuth2UserService<OidcUserRequest, OidcUser> users)
            throws Exception {
        RequestMatcher browser = request -> request.getHeader("Authorization") == null
                && String.valueOf(request.getHeader("Accept")).contains("text/html");
        // By path prefix: Jolokia is a servlet of its own, which Spring MVC's path matching does not see.
        RequestMatcher consolePaths = request -> {
            String path =
                    request.getRequestURI().substring(request.getContextPath().length());
            return CONSOLE_PATHS.stream().anyMatch(prefix -> path.equals(prefix) || path.startsWith(prefix + "/"));
        };
        http.securityMatcher(consolePaths)
                .authorizeHttpRequests(requests -> requests.requestMatchers("/oauth2/**", "/login/oauth2/**")
                        .permitAll()
                        .anyRequest()
                        .hasRole(ConductorUser.ALL_TENANTS_ROLE))
                .httpBasic(basic -> basic.authenticationEntryPoint(problems).realmName("conductor"))
                .oauth2Login(login -> login.clientRegistrationRepository(registrations)
                        .userInfoEndpoint(userInfo -> userInfo.oidcUserService(users))
                        .defaultSuccessUrl("/actuator/hawtio/", false)
                        .failureHandler((request, response, failure) -> problems.refuse(
                                request,
                                response,
                                HttpStatus.UNAUTHORIZED,
                                "LOGIN_FAILED",
                                "The login through the identity provider failed; start it again.",
                                null)))
                .exceptionHandling(errors -> errors.defaultAuthenticationEntryPointFor(
                                new LoginUrlAuthenticationEntryPoint(
                                        "/oauth2/authorization/" + OidcLoginProperties.REGISTRATION),
                                browser)
                        .defaultAuthenticationEntryPointFor(problems, AnyRequestMatcher.INSTANCE)
                        .accessDeniedHandler(problems))
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.IF_REQUIRED));
        guardConsole(http, problems, oidc);
        return http.build();
    }

    /**
     * What both chains add for the console: CSRF on browser paths (cookie-to-header, as Hawtio speaks it; not for
     * the admin API nor for bearer requests, which a browser never sends by itself), the cookie issuer, bearer tokens
     * when OIDC login is on, and Jolokia's role check.
     */
    private static void guardConsole(HttpSecurity http, ProblemAuthenticationEntryPoint problems, OidcOperators oidc)
            throws Exception {
        CsrfTokenRequestAttributeHandler plainTokenHandler = new CsrfTokenRequestAttributeHandler();
        http.csrf(csrf -> csrf.ignoringRequestMatchers("/api/**")
                        .ignoringRequestMatchers(OidcBearerFilter::hasBearer)
                        // With stateless HTTP Basic every request is a fresh authentication; the default strategy
                        // would then delete the XSRF-TOKEN cookie on every logged-in response (token rotation is
                        // meant for a session login), and the console's next Jolokia POST would be refused.
                        .sessionAuthenticationStrategy(new NullAuthenticatedSessionStrategy())
                        .csrfTokenRepository(CookieCsrfTokenRepository.withHttpOnlyFalse())
                        .csrfTokenRequestHandler(plainTokenHandler))
                .addFilterAfter(new CsrfCookieIssuer(), BasicAuthenticationFilter.class)
                .addFilterAfter(new JolokiaRoleFilter(problems), AuthorizationFilter.class);
        if (oidc != null) {
            http.addFilterBefore(new OidcBearerFilter(oidc, problems), BasicAuthenticationFilter.class);
        }
    }

    /** Operator (or admin) who sees every tenant: policy simulation replays every tenant's decisions. */
    private static AuthorizationManager<RequestAuthorizationContext> operatorOfAllTenants() {
        return ofAllTenants(ConductorUser.OPERATOR_ROLE);
    }

    /** {@code role} (or one above it) and sees every tenant. */
    private static AuthorizationManager<RequestAuthorizationContext> ofAllTenants(String role) {
        AuthorityAuthorizationManager<RequestAuthorizationContext> withRole =
                AuthorityAuthorizationManager.hasRole(role);
        withRole.setRoleHierarchy(roleHierarchy());
        return AuthorizationManagers.allOf(
                withRole, AuthorityAuthorizationManager.hasRole(ConductorUser.ALL_TENANTS_ROLE));
    }

    /** Spring Security defers the CSRF token; touching it makes the cookie go out so the console can echo it. */
    private static final class CsrfCookieIssuer extends OncePerRequestFilter {
        @Override
        protected boolean shouldNotFilter(HttpServletRequest request) {
            return request.getRequestURI().startsWith("/api/");
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            CsrfToken token = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
            if (token != null) {
                token.getToken();
            }
            chain.doFilter(request, response);
        }
    }
}
