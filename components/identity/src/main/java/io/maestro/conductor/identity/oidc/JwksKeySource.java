package io.maestro.conductor.identity.oidc;

import com.nimbusds.jose.jwk.source.CachingJWKSetSource;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.jwk.source.RateLimitedJWKSetSource;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import java.net.MalformedURLException;
import java.net.URI;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The provider's JWKS behind nimbus's caching and rate-limiting sources: keys are fetched once and kept for
 * {@code jwksCacheTtl}; a token whose {@code kid} is not in the cached set makes nimbus fetch the set again (so a
 * rotated-in key is picked up without a restart), but at most once per {@code jwksRefreshMinInterval}: a burst of
 * made-up {@code kid}s costs the provider one request, and the rest fail fast with nimbus's
 * {@code RateLimitReachedException} (answered as {@code TOKEN_INVALID}).
 */
final class JwksKeySource {

    private static final Logger LOG = LoggerFactory.getLogger(JwksKeySource.class);
    /** A JWKS larger than this is refused (nimbus's default is 50 KiB as well). */
    private static final int MAX_JWKS_BYTES = 50 * 1024;

    private final JWKSource<SecurityContext> source;
    private final AtomicLong refreshes = new AtomicLong();
    private final AtomicLong rateLimited = new AtomicLong();

    JwksKeySource(URI jwksUri, OidcSettings settings) {
        int timeoutMs = (int) settings.httpTimeout().toMillis();
        DefaultResourceRetriever retriever = new DefaultResourceRetriever(timeoutMs, timeoutMs, MAX_JWKS_BYTES);
        try {
            source = JWKSourceBuilder.<SecurityContext>create(jwksUri.toURL(), retriever)
                    .cache(
                            settings.jwksCacheTtl().toMillis(),
                            settings.httpTimeout().toMillis(),
                            event -> {
                                if (event instanceof CachingJWKSetSource.RefreshCompletedEvent<SecurityContext> done) {
                                    refreshes.incrementAndGet();
                                    LOG.atInfo()
                                            .addKeyValue("event", "jwks_refreshed")
                                            .addKeyValue("jwks", jwksUri)
                                            .addKeyValue(
                                                    "keys", done.getJWKSet().size())
                                            .log("JWKS fetched from the identity provider");
                                }
                            })
                    .rateLimited(settings.jwksRefreshMinInterval().toMillis(), event -> {
                        if (event instanceof RateLimitedJWKSetSource.RateLimitedEvent<SecurityContext>) {
                            rateLimited.incrementAndGet();
                        }
                    })
                    .refreshAheadCache(false)
                    .retrying(false)
                    .outageTolerant(false)
                    .build();
        } catch (MalformedURLException | IllegalArgumentException e) {
            throw new IllegalArgumentException("JWKS URL is not a URL: " + jwksUri, e);
        }
    }

    JWKSource<SecurityContext> source() {
        return source;
    }

    /** JWKS fetches completed so far. */
    long refreshes() {
        return refreshes.get();
    }

    /** Key lookups that wanted a refresh and were refused by the rate limit. */
    long rateLimitedLookups() {
        return rateLimited.get();
    }
}
