package io.maestro.conductor.hub.security;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * The beans of operator login through OpenID Connect, present only with {@code conductor.oidc-login.enabled=true}:
 * the operators' token validation and claim mapping, the code flow's client (read from the provider's discovery on
 * the first login, not at start, so a provider that is down does not stop the hub) and the user service that turns
 * the ID token's claims into an {@link OidcConductorUser}.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = "conductor.oidc-login", name = "enabled", havingValue = "true")
class OidcLoginConfiguration {

    @Bean
    OidcOperators oidcOperators(OidcLoginProperties properties) {
        return new OidcOperators(properties);
    }

    @Bean
    ClientRegistrationRepository clientRegistrationRepository(OidcOperators operators) {
        return new LazyRegistration(operators);
    }

    @Bean
    OAuth2UserService<OidcUserRequest, OidcUser> oidcUserService(OidcOperators operators) {
        OidcUserService delegate = new OidcUserService();
        return request -> {
            OidcUser oidc = delegate.loadUser(request);
            ConductorUser user = operators.user(oidc.getSubject(), oidc.getClaims());
            return new OidcConductorUser(user.getUsername(), user.roles(), user.scope(), oidc);
        };
    }

    /** The one registration, {@value OidcLoginProperties#REGISTRATION}, resolved by discovery when first asked. */
    static final class LazyRegistration implements ClientRegistrationRepository {

        private final OidcOperators operators;
        private volatile ClientRegistration registration;

        LazyRegistration(OidcOperators operators) {
            this.operators = operators;
        }

        @Override
        public ClientRegistration findByRegistrationId(String registrationId) {
            if (!OidcLoginProperties.REGISTRATION.equals(registrationId)) {
                return null;
            }
            ClientRegistration resolved = registration;
            if (resolved == null) {
                synchronized (this) {
                    resolved = registration;
                    if (resolved == null) {
                        OidcLoginProperties properties = operators.properties();
                        resolved = ClientRegistrations.fromIssuerLocation(
                                        operators.issuer().toString())
                                .registrationId(OidcLoginProperties.REGISTRATION)
                                .clientId(properties.clientId())
                                .clientSecret(properties.clientSecret())
                                .scope("openid", "profile", "email")
                                .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
                                .build();
                        registration = resolved;
                    }
                }
            }
            return resolved;
        }
    }
}
