package io.maestro.conductor.identity.oidc;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.KeyConverter;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.JWSKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import java.security.Key;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Nimbus's {@code JWSVerificationKeySelector}, except that each JWK's Java key is built once: nimbus rebuilds the
 * {@code RSAPublicKey} from the JWK's Base64URL modulus on every token, a large share of a warm validation. Keys are
 * remembered per JWK of the cached set; when the set rotates, the old entries go with the next rebuild.
 */
final class CachingKeySelector implements JWSKeySelector<SecurityContext> {

    /** More keys than any provider publishes at once; past it the map starts over. */
    private static final int MAX_REMEMBERED = 32;

    private final Set<JWSAlgorithm> algorithms;
    private final JWKSource<SecurityContext> source;
    private final Map<JWK, List<Key>> javaKeys = new ConcurrentHashMap<>();

    CachingKeySelector(Set<JWSAlgorithm> algorithms, JWKSource<SecurityContext> source) {
        this.algorithms = algorithms;
        this.source = source;
    }

    @Override
    public List<Key> selectJWSKeys(JWSHeader header, SecurityContext context) throws KeySourceException {
        if (!algorithms.contains(header.getAlgorithm())) {
            return List.of();
        }
        JWKMatcher matcher = JWKMatcher.forJWSHeader(header);
        if (matcher == null) {
            return List.of();
        }
        List<JWK> matches = source.get(new JWKSelector(matcher), context);
        List<Key> keys = new ArrayList<>(matches.size());
        for (JWK jwk : matches) {
            List<Key> converted = javaKeys.get(jwk);
            if (converted == null) {
                if (javaKeys.size() >= MAX_REMEMBERED) {
                    javaKeys.clear();
                }
                converted = List.copyOf(KeyConverter.toJavaKeys(List.of(jwk)));
                javaKeys.put(jwk, converted);
            }
            keys.addAll(converted);
        }
        return keys;
    }
}
