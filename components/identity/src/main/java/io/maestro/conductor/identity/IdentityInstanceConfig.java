package io.maestro.conductor.identity;

import io.maestro.conductor.adapter.AdapterException;
import io.maestro.conductor.adapter.SpiErrorCode;
import io.maestro.conductor.adapter.config.InstanceConfig;
import io.maestro.conductor.adapter.config.InstanceConfigDef;
import io.maestro.conductor.adapter.instance.ResolvedInstance;
import io.maestro.conductor.identity.oidc.ClaimMapping;
import io.maestro.conductor.identity.oidc.OidcSettings;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * An identity instance's non-secret settings, parsed with its definition's {@link InstanceConfigDef}: the OIDC
 * provider it trusts, the claims it maps, the scopes tokens must carry. Every URL must be https, or plain http on a
 * loopback address (the sandboxes), so no token or credential crosses a network in clear.
 */
public record IdentityInstanceConfig(
        InstanceConfig config, OidcSettings oidc, ClaimMapping claims, Set<String> requiredScopes) {

    public static IdentityInstanceConfig of(ResolvedInstance instance, InstanceConfigDef definition) {
        InstanceConfig config = definition.parse(instance);
        try {
            OidcSettings oidc = OidcSettings.of(
                    safeUrl(config.requireString(IdentityDefinitions.ISSUER), IdentityDefinitions.ISSUER),
                    config.requireString(IdentityDefinitions.CLIENT_ID));
            oidc = config.string(IdentityDefinitions.JWKS_URL)
                    .map(url -> safeUrl(url, IdentityDefinitions.JWKS_URL))
                    .map(oidc::withJwksUrl)
                    .orElse(oidc);
            oidc = config.string(IdentityDefinitions.USERINFO_URL)
                    .map(url -> safeUrl(url, IdentityDefinitions.USERINFO_URL))
                    .map(oidc::withUserInfoUrl)
                    .orElse(oidc);
            ClaimMapping claims = new ClaimMapping(
                    config.requireString(IdentityDefinitions.ROLES_CLAIM),
                    config.requireString(IdentityDefinitions.GROUPS_CLAIM),
                    config.requireString(IdentityDefinitions.TENANT_CLAIM),
                    config.requireString(IdentityDefinitions.ASSURANCE_CLAIM));
            Set<String> scopes = config.string(IdentityDefinitions.SCOPES)
                    .map(text -> Arrays.stream(text.trim().split("\\s+"))
                            .filter(scope -> !scope.isEmpty())
                            .collect(Collectors.toUnmodifiableSet()))
                    .orElse(Set.of());
            return new IdentityInstanceConfig(config, oidc, claims, scopes);
        } catch (IllegalArgumentException e) {
            throw new AdapterException(
                    SpiErrorCode.CONFIG_INVALID, instance.ref().id(), e.getMessage());
        }
    }

    /** A URL config value checked as every identity URL is; {@code key} names it in the refusal. */
    public URI url(String key) {
        try {
            return safeUrl(config.requireString(key), key);
        } catch (IllegalArgumentException e) {
            throw new AdapterException(
                    SpiErrorCode.CONFIG_INVALID, config.instance().ref().id(), e.getMessage());
        }
    }

    /**
     * {@code text} as a URL that may carry a token or credential: https, or plain http on a loopback address;
     * {@code IllegalArgumentException} naming {@code key} otherwise.
     */
    public static URI safeUrl(String text, String key) {
        URI uri;
        try {
            uri = URI.create(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(key + " is not a URL");
        }
        if (uri.getHost() == null || uri.getRawUserInfo() != null) {
            throw new IllegalArgumentException(key + " must be an http(s) URL with a host and no user info");
        }
        if ("https".equals(uri.getScheme()) || ("http".equals(uri.getScheme()) && isLoopback(uri.getHost()))) {
            return uri;
        }
        throw new IllegalArgumentException(key + " must be https (plain http only on a loopback address)");
    }

    private static boolean isLoopback(String host) {
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
