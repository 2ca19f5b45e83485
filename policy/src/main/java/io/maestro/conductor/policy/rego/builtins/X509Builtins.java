package io.maestro.conductor.policy.rego.builtins;

import static io.maestro.conductor.policy.rego.builtins.Specs.ARR;
import static io.maestro.conductor.policy.rego.builtins.Specs.OBJ;
import static io.maestro.conductor.policy.rego.builtins.Specs.STR;
import static io.maestro.conductor.policy.rego.builtins.Specs.spec;

import io.maestro.conductor.policy.rego.value.ArrayValue;
import io.maestro.conductor.policy.rego.value.BooleanValue;
import io.maestro.conductor.policy.rego.value.NumberValue;
import io.maestro.conductor.policy.rego.value.ObjectValue;
import io.maestro.conductor.policy.rego.value.SetValue;
import io.maestro.conductor.policy.rego.value.StringValue;
import io.maestro.conductor.policy.rego.value.Value;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.cert.CertPathBuilder;
import java.security.cert.CertStore;
import java.security.cert.CertificateFactory;
import java.security.cert.CollectionCertStoreParameters;
import java.security.cert.PKIXBuilderParameters;
import java.security.cert.PKIXCertPathBuilderResult;
import java.security.cert.TrustAnchor;
import java.security.cert.X509CertSelector;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * OPA's {@code crypto.x509.*} builtins: certificates (PEM, base64 DER or base64 PEM; several at once) as Go's
 * {@code x509.Certificate} JSON, chain verification with the first certificate as root and the last as leaf,
 * PKCS #10 requests, and RSA private keys as JWKs.
 */
final class X509Builtins implements BuiltinGroup {
    static final String PARSE = "crypto.x509.parse_certificates";
    static final String VERIFY = "crypto.x509.parse_and_verify_certificates";
    static final String VERIFY_OPTS = "crypto.x509.parse_and_verify_certificates_with_options";
    static final String CSR = "crypto.x509.parse_certificate_request";
    static final String RSA_KEY = "crypto.x509.parse_rsa_private_key";
    static final String KEYPAIR = "crypto.x509.parse_keypair";

    private static final String MALFORMED = "x509: malformed certificate";
    /** Go's names for the extended key usages that verification options may require. */
    private static final Map<String, Integer> KEY_USAGE_OPTIONS = Map.ofEntries(
            Map.entry("KeyUsageAny", 0),
            Map.entry("KeyUsageServerAuth", 1),
            Map.entry("KeyUsageClientAuth", 2),
            Map.entry("KeyUsageCodeSigning", 3),
            Map.entry("KeyUsageEmailProtection", 4),
            Map.entry("KeyUsageIPSECEndSystem", 5),
            Map.entry("KeyUsageIPSECTunnel", 6),
            Map.entry("KeyUsageIPSECUser", 7),
            Map.entry("KeyUsageTimeStamping", 8),
            Map.entry("KeyUsageOCSPSigning", 9),
            Map.entry("KeyUsageMicrosoftServerGatedCrypto", 10),
            Map.entry("KeyUsageNetscapeServerGatedCrypto", 11),
            Map.entry("KeyUsageMicrosoftCommercialCodeSigning", 12),
            Map.entry("KeyUsageMicrosoftKernelCodeSigning", 13));

    @Override
    public List<BuiltinSpec> specs() {
        return List.of(
                spec(
                        PARSE,
                        ARR,
                        (ctx, a) -> certificates(PARSE, parse(PARSE, Operands.string(PARSE, a, 1)), true),
                        STR),
                spec(VERIFY, ARR, (ctx, a) -> verify(ctx, VERIFY, Operands.string(VERIFY, a, 1), null), STR),
                spec(
                        VERIFY_OPTS,
                        ARR,
                        (ctx, a) -> {
                            String input = Operands.string(VERIFY_OPTS, a, 1);
                            return verify(ctx, VERIFY_OPTS, input, Operands.object(VERIFY_OPTS, a, 2));
                        },
                        STR,
                        OBJ),
                spec(CSR, OBJ, (ctx, a) -> X509Keys.certificateRequest(CSR, Operands.string(CSR, a, 1)), STR),
                spec(
                        KEYPAIR,
                        OBJ,
                        (ctx, a) -> X509Keys.keyPair(
                                KEYPAIR, Operands.string(KEYPAIR, a, 1), Operands.string(KEYPAIR, a, 2)),
                        STR,
                        STR),
                spec(
                        RSA_KEY,
                        Specs.ANY,
                        (ctx, a) -> X509Keys.rsaPrivateKeyJwk(RSA_KEY, Operands.string(RSA_KEY, a, 1)),
                        STR));
    }

    // ---- input handling ----------------------------------------------------------------------------------

    /** Certificates from PEM text, or base64 of PEM text or of concatenated DER, as OPA accepts them. */
    static List<X509Certificate> parse(String name, String input) {
        if (input.startsWith("-----BEGIN")) return fromPem(name, input.getBytes(StandardCharsets.UTF_8));
        byte[] decoded = base64(name, input);
        if (startsWith(decoded, "-----BEGIN")) return fromPem(name, decoded);
        return fromDer(name, decoded);
    }

    private static List<X509Certificate> fromPem(String name, byte[] pem) {
        java.io.ByteArrayOutputStream der = new java.io.ByteArrayOutputStream();
        for (Pem.Block block : Pem.decodeAll(pem)) {
            if (!"CERTIFICATE".equals(block.type())) {
                throw BuiltinException.failed(name, "PEM block type is '" + block.type() + "', expected CERTIFICATE");
            }
            der.writeBytes(block.bytes());
        }
        return fromDer(name, der.toByteArray());
    }

    /** Consecutive DER certificates, as Go's {@code x509.ParseCertificates}. */
    static List<X509Certificate> fromDer(String name, byte[] der) {
        List<X509Certificate> out = new ArrayList<>();
        List<Der.Element> elements;
        try {
            elements = Der.parseAll(der);
        } catch (IllegalArgumentException e) {
            throw BuiltinException.failed(name, MALFORMED);
        }
        try {
            CertificateFactory factory = CertificateFactory.getInstance("X.509");
            for (Der.Element e : elements) {
                if (e.tag() != 0x30) throw BuiltinException.failed(name, MALFORMED);
                out.add((X509Certificate) factory.generateCertificate(new ByteArrayInputStream(e.raw())));
            }
        } catch (GeneralSecurityException | RuntimeException e) {
            if (e instanceof BuiltinException b) throw b;
            throw BuiltinException.failed(name, MALFORMED);
        }
        return out;
    }

    /** Go's {@code base64.StdEncoding.DecodeString}: padding required, CR and LF ignored. */
    static byte[] base64(String name, String text) {
        return EncodingBuiltins.decode(name, text.replace("\r", "").replace("\n", ""), false);
    }

    static boolean startsWith(byte[] data, String prefix) {
        byte[] p = prefix.getBytes(StandardCharsets.US_ASCII);
        return data.length >= p.length && Arrays.equals(data, 0, p.length, p, 0, p.length);
    }

    private static Value certificates(String name, List<X509Certificate> certs, boolean uriStrings) {
        List<Value> out = new ArrayList<>(certs.size());
        try {
            for (X509Certificate c : certs) out.add(X509Json.certificate(c, uriStrings));
        } catch (GeneralSecurityException | RuntimeException e) {
            throw BuiltinException.failed(name, MALFORMED);
        }
        return new ArrayValue(out);
    }

    // ---- verification ------------------------------------------------------------------------------------

    /** Verification options, as OPA reads them into Go's {@code x509.VerifyOptions}. */
    private record Options(String dnsName, Date currentTime, List<Integer> keyUsages) {}

    private static final ArrayValue FAILED = ArrayValue.of(BooleanValue.FALSE, ArrayValue.EMPTY);

    private static Value verify(BuiltinContext ctx, String name, String input, ObjectValue options) {
        List<X509Certificate> certs;
        try {
            certs = parse(name, input);
            certificates(name, certs, false); // what the JSON walk cannot read fails verification, not the call later
        } catch (BuiltinException e) {
            return FAILED;
        }
        Options opts = options == null ? new Options("", null, List.of()) : options(name, options);
        List<X509Certificate> chain = chain(ctx, certs, opts);
        if (chain == null) return FAILED;
        return ArrayValue.of(BooleanValue.TRUE, certificates(name, chain, options == null));
    }

    private static Options options(String name, ObjectValue options) {
        String dns = "";
        Date now = null;
        List<Integer> usages = new ArrayList<>();
        for (Map.Entry<Value, Value> e : options.entries().entrySet()) {
            if (!(e.getKey() instanceof StringValue key)) continue;
            Value v = e.getValue();
            switch (key.value()) {
                case "DNSName" -> {
                    if (!(v instanceof StringValue s))
                        throw BuiltinException.failed(name, "'DNSName' should be a string");
                    dns = trimQuotes(s.value());
                }
                case "CurrentTime" -> {
                    if (!(v instanceof NumberValue n))
                        throw BuiltinException.failed(name, "'CurrentTime' should be a number");
                    if (!n.isInteger() || !Operands.fitsLong(n.value())) {
                        throw BuiltinException.failed(name, "'CurrentTime' should be a valid int64 number");
                    }
                    now = new Date(Math.floorDiv(n.value().longValueExact(), 1_000_000L));
                }
                case "MaxConstraintComparisons" -> {
                    if (!(v instanceof NumberValue n)) {
                        throw BuiltinException.failed(name, "'MaxConstraintComparisons' should be a number");
                    }
                    if (!n.isInteger() || !Operands.fitsLong(n.value())) {
                        throw BuiltinException.failed(name, "'MaxConstraintComparisons' should be a valid number");
                    }
                }
                case "KeyUsages" -> {
                    Collection<Value> items;
                    if (v instanceof ArrayValue arr) items = arr.elements();
                    else if (v instanceof SetValue set) items = set.elements();
                    else throw BuiltinException.failed(name, "'KeyUsages' should be an Array or Set");
                    List<String> invalid = new ArrayList<>();
                    for (Value item : items) {
                        if (!(item instanceof StringValue s)) continue;
                        String usageName = trimQuotes(s.value());
                        Integer usage = KEY_USAGE_OPTIONS.get(usageName);
                        if (usage == null) invalid.add(usageName);
                        else usages.add(usage);
                    }
                    if (!invalid.isEmpty()) {
                        throw BuiltinException.failed(
                                name, "invalid entries for 'KeyUsages' found: [" + String.join(" ", invalid) + "]");
                    }
                }
                default -> throw BuiltinException.failed(name, "invalid key option");
            }
        }
        return new Options(dns, now, usages);
    }

    /**
     * The verified chain, leaf first and root last, or null: certificate 0 is the only root, the last is the
     * leaf, the others are intermediates in any order (Go's {@code Certificate.Verify}). Without a {@code
     * CurrentTime} option the query's clock ({@link BuiltinContext#nowNanos}) decides validity, so the result is
     * known to depend on time.
     */
    private static List<X509Certificate> chain(BuiltinContext ctx, List<X509Certificate> certs, Options opts) {
        if (certs.size() < 2) return null;
        X509Certificate root = certs.get(0);
        X509Certificate leaf = certs.get(certs.size() - 1);
        Date now =
                opts.currentTime() != null ? opts.currentTime() : new Date(Math.floorDiv(ctx.nowNanos(), 1_000_000L));
        List<X509Certificate> chain = new ArrayList<>();
        try {
            if (leaf.equals(root)) {
                chain.add(leaf);
            } else {
                X509CertSelector target = new X509CertSelector();
                target.setCertificate(leaf);
                PKIXBuilderParameters params = new PKIXBuilderParameters(Set.of(new TrustAnchor(root, null)), target);
                params.setRevocationEnabled(false);
                params.setDate(now);
                params.addCertStore(CertStore.getInstance(
                        "Collection", new CollectionCertStoreParameters(certs.subList(1, certs.size()))));
                PKIXCertPathBuilderResult result = (PKIXCertPathBuilderResult)
                        CertPathBuilder.getInstance("PKIX").build(params);
                for (java.security.cert.Certificate c : result.getCertPath().getCertificates()) {
                    chain.add((X509Certificate) c);
                }
                chain.add(result.getTrustAnchor().getTrustedCert());
            }
            root.checkValidity(now); // Go checks the root's validity too; PKIX takes a trust anchor as is
        } catch (GeneralSecurityException | RuntimeException e) {
            return null;
        }
        if (!keyUsagesAllowed(chain, opts.keyUsages())) return null;
        if (!opts.dnsName().isEmpty() && !hostnameMatches(leaf, opts.dnsName())) return null;
        return chain;
    }

    /** Go's {@code checkChainForKeyUsage}: requested usages (default server auth) must survive the whole chain. */
    private static boolean keyUsagesAllowed(List<X509Certificate> chain, List<Integer> requested) {
        List<Integer> usages = new ArrayList<>(requested.isEmpty() ? List.of(1) : requested);
        if (usages.contains(0)) return true;
        for (int i = chain.size() - 1; i >= 0; i--) {
            List<String> eku;
            try {
                eku = chain.get(i).getExtendedKeyUsage();
            } catch (GeneralSecurityException e) {
                return false;
            }
            if (eku == null || eku.isEmpty() || eku.contains("2.5.29.37.0")) continue;
            List<Integer> known = new ArrayList<>();
            for (String oid : eku) {
                Integer u = X509Json.EXT_KEY_USAGES.get(oid);
                if (u != null) known.add(u);
            }
            usages.removeIf(u -> !known.contains(u));
            if (usages.isEmpty()) return false;
        }
        return true;
    }

    /** Go's {@code VerifyHostname}: IP literals against IP SANs, names against DNS SANs (one leading wildcard). */
    private static boolean hostnameMatches(X509Certificate leaf, String host) {
        String h = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        Collection<List<?>> sans;
        try {
            sans = leaf.getSubjectAlternativeNames();
        } catch (GeneralSecurityException e) {
            return false;
        }
        if (sans == null) return false;
        byte[] ip = ipLiteral(h);
        String want = h.toLowerCase(Locale.ROOT);
        if (want.endsWith(".")) want = want.substring(0, want.length() - 1);
        for (List<?> san : sans) {
            int type = (Integer) san.get(0);
            String value = String.valueOf(san.get(1));
            if (ip != null && type == 7 && Arrays.equals(ip, ipLiteral(value))) return true;
            if (ip == null && type == 2 && dnsMatches(value.toLowerCase(Locale.ROOT), want)) return true;
        }
        return false;
    }

    /** Go's {@code strings.Trim(s, "\"")}, which OPA applies to string options. */
    private static String trimQuotes(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && s.charAt(start) == '"') start++;
        while (end > start && s.charAt(end - 1) == '"') end--;
        return s.substring(start, end);
    }

    /**
     * The 16 bytes of an IP literal (IPv4 mapped into IPv6, as Go compares them), or null for anything else;
     * never a name lookup.
     */
    static byte[] ipLiteral(String text) {
        byte[] ip = Cidr.parseIp(text);
        return ip == null || ip.length == 16 ? ip : Cidr.mapped(ip);
    }

    private static boolean dnsMatches(String pattern, String host) {
        if (pattern.endsWith(".")) pattern = pattern.substring(0, pattern.length() - 1);
        if (pattern.isEmpty() || host.isEmpty()) return false;
        String[] p = pattern.split("\\.", -1);
        String[] h = host.split("\\.", -1);
        if (p.length != h.length) return false;
        for (int i = 0; i < p.length; i++) {
            if (i == 0 && p[i].equals("*")) continue;
            if (!p[i].equals(h[i])) return false;
        }
        return true;
    }
}
