package io.maestro.conductor.hub.opa;

import io.maestro.conductor.hub.security.ConductorUser;
import io.maestro.conductor.policy.pdp.OpaDataApi;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The Data API needs the operator's HTTP Basic login like the rest of the hub, but answers failures in
 * OPA's error shape and takes no CSRF token: OPA clients are not browsers, and the API accepts only JSON
 * POSTs that a foreign page cannot send without a CORS preflight (CORS is off), as for {@code /api/**}.
 * Runs before the hub's catch-all chain and matches only {@code /v1/data/**}.
 */
@Configuration(proxyBeanMethods = false)
public class OpaDataApiSecurity {

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE + 10)
    SecurityFilterChain opaDataApiFilterChain(HttpSecurity http) throws Exception {
        http.securityMatcher(OpaDataApi.PREFIX, OpaDataApi.PREFIX + "/**")
                .authorizeHttpRequests(requests -> requests.anyRequest().hasRole(ConductorUser.ALL_TENANTS_ROLE))
                .httpBasic(basic -> basic.realmName("conductor")
                        .authenticationEntryPoint((request, response, e) -> opaError(
                                response, 401, "unauthorized", "the Data API needs the operator's HTTP Basic login")))
                .exceptionHandling(errors -> errors.accessDeniedHandler((request, response, e) ->
                        opaError(response, 403, "unauthorized", "the Data API is for the operator")))
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable());
        return http.build();
    }

    private static void opaError(HttpServletResponse response, int status, String code, String message)
            throws java.io.IOException {
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        if (status == 401) response.setHeader("WWW-Authenticate", "Basic realm=\"conductor\"");
        response.getOutputStream()
                .write(("{\"code\":\"" + code + "\",\"message\":\"" + message + "\"}")
                        .getBytes(StandardCharsets.UTF_8));
    }
}
