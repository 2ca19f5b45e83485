package io.maestro.conductor.hub.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.maestro.conductor.hub.config.ConductorProperties;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.actuate.autoconfigure.security.servlet.EndpointRequest;
import org.springframework.boot.actuate.health.HealthEndpoint;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRequestAttributeHandler;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Only health is open; everything else (admin API, actuator, Hawtio, Jolokia) needs HTTP Basic.
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
            @Value("${conductor.operator.password:}") String configuredOperatorPassword,
            @Value("${conductor.operator.generate-password:true}") boolean mayGenerate,
            ConductorProperties properties, ApiUserProperties apiUsers, PasswordEncoder encoder) {
        String password = OperatorPassword.resolve(configuredOperatorPassword, properties.dataDir(), mayGenerate,
                System.out);
        return new ConductorUserDirectory(encoder.encode(password), apiUsers);
    }

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, ObjectMapper json) throws Exception {
        ProblemAuthenticationEntryPoint problems = new ProblemAuthenticationEntryPoint(json);
        CsrfTokenRequestAttributeHandler plainTokenHandler = new CsrfTokenRequestAttributeHandler();
        http.authorizeHttpRequests(requests -> requests
                        .requestMatchers(EndpointRequest.to(HealthEndpoint.class)).permitAll()
                        .requestMatchers("/error").permitAll()
                        .requestMatchers("/api/adapters/**").hasRole(ConductorUser.OPERATOR_ROLE)
                        .requestMatchers("/api/**").authenticated()
                        .anyRequest().hasRole(ConductorUser.OPERATOR_ROLE))
                .httpBasic(basic -> basic.authenticationEntryPoint(problems).realmName("conductor"))
                .exceptionHandling(errors -> errors.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf
                        .ignoringRequestMatchers("/api/**")
                        .csrfTokenRepository(CookieCsrfTokenRepository.withHttpOnlyFalse())
                        .csrfTokenRequestHandler(plainTokenHandler))
                .addFilterAfter(new CsrfCookieIssuer(), BasicAuthenticationFilter.class);
        return http.build();
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
