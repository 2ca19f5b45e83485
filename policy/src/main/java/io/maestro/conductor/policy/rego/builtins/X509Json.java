package io.maestro.conductor.policy.rego.builtins;

import io.maestro.conductor.policy.rego.value.ArrayValue;
import io.maestro.conductor.policy.rego.value.BooleanValue;
import io.maestro.conductor.policy.rego.value.NullValue;
import io.maestro.conductor.policy.rego.value.NumberValue;
import io.maestro.conductor.policy.rego.value.ObjectValue;
import io.maestro.conductor.policy.rego.value.StringValue;
import io.maestro.conductor.policy.rego.value.Value;
import java.math.BigInteger;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.security.interfaces.DSAPublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.EdECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PSSParameterSpec;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Certificates and certificate requests as OPA returns them: Go's {@code x509.Certificate} /
 * {@code x509.CertificateRequest} marshalled by encoding/json (byte slices as base64, enums as Go's integers,
 * times in RFC 3339, nil slices as null).
 */
final class X509Json {
    static final Map<String, Integer> EXT_KEY_USAGES = Map.ofEntries(
            Map.entry("2.5.29.37.0", 0),
            Map.entry("1.3.6.1.5.5.7.3.1", 1),
            Map.entry("1.3.6.1.5.5.7.3.2", 2),
            Map.entry("1.3.6.1.5.5.7.3.3", 3),
            Map.entry("1.3.6.1.5.5.7.3.4", 4),
            Map.entry("1.3.6.1.5.5.7.3.5", 5),
            Map.entry("1.3.6.1.5.5.7.3.6", 6),
            Map.entry("1.3.6.1.5.5.7.3.7", 7),
            Map.entry("1.3.6.1.5.5.7.3.8", 8),
            Map.entry("1.3.6.1.5.5.7.3.9", 9),
            Map.entry("1.3.6.1.4.1.311.10.3.3", 10),
            Map.entry("2.16.840.1.113730.4.1", 11),
            Map.entry("1.3.6.1.4.1.311.2.1.22", 12),
            Map.entry("1.3.6.1.4.1.311.61.1.1", 13));

    private static final Map<String, Integer> SIGNATURE_ALGORITHMS = Map.ofEntries(
            Map.entry("1.2.840.113549.1.1.2", 1),
            Map.entry("1.2.840.113549.1.1.4", 2),
            Map.entry("1.2.840.113549.1.1.5", 3),
            Map.entry("1.3.14.3.2.29", 3),
            Map.entry("1.2.840.113549.1.1.11", 4),
            Map.entry("1.2.840.113549.1.1.12", 5),
            Map.entry("1.2.840.113549.1.1.13", 6),
            Map.entry("1.2.840.10040.4.3", 7),
            Map.entry("2.16.840.1.101.3.4.3.2", 8),
            Map.entry("1.2.840.10045.4.1", 9),
            Map.entry("1.2.840.10045.4.3.2", 10),
            Map.entry("1.2.840.10045.4.3.3", 11),
            Map.entry("1.2.840.10045.4.3.4", 12),
            Map.entry("1.3.101.112", 16));
    private static final String RSA_PSS = "1.2.840.113549.1.1.10";

    private static final Map<String, Integer> PUBLIC_KEY_ALGORITHMS =
            Map.of("1.2.840.113549.1.1.1", 1, "1.2.840.10040.4.1", 2, "1.2.840.10045.2.1", 3, "1.3.101.112", 4);

    /** Extensions Go's parser understands; a critical one outside this set is "unhandled". */
    private static final Set<String> HANDLED_EXTENSIONS = Set.of(
            "2.5.29.14",
            "2.5.29.15",
            "2.5.29.17",
            "2.5.29.19",
            "2.5.29.30",
            "2.5.29.31",
            "2.5.29.32",
            "2.5.29.33",
            "2.5.29.35",
            "2.5.29.36",
            "2.5.29.37",
            "2.5.29.54",
            "1.3.6.1.5.5.7.1.1");

    private X509Json() {}

    /** Go's {@code x509.Certificate}; with {@code uriStrings} OPA's extra {@code URIStrings} field. */
    static ObjectValue certificate(X509Certificate cert, boolean uriStrings) throws GeneralSecurityException {
        Map<String, Value> out = new HashMap<>();
        byte[] tbs = cert.getTBSCertificate();
        List<Der.Element> fields = Der.parse(tbs).children();
        int i = fields.get(0).context() == 0 ? 1 : 0;
        Der.Element issuer = fields.get(i + 2);
        Der.Element subject = fields.get(i + 4);
        Der.Element spki = fields.get(i + 5);
        List<Der.Element> extensions = List.of();
        for (int j = i + 6; j < fields.size(); j++) {
            if (fields.get(j).context() == 3)
                extensions = Der.parse(fields.get(j).content()).children();
        }

        out.put("Raw", bytes(cert.getEncoded()));
        out.put("RawTBSCertificate", bytes(tbs));
        out.put("RawSubjectPublicKeyInfo", bytes(spki.raw()));
        out.put("RawSubject", bytes(subject.raw()));
        out.put("RawIssuer", bytes(issuer.raw()));
        out.put("Signature", bytes(cert.getSignature()));
        out.put("SignatureAlgorithm", NumberValue.of(signatureAlgorithm(cert.getSigAlgOID(), cert.getSigAlgParams())));
        putPublicKey(out, spki, cert.getPublicKey());
        out.put("Version", NumberValue.of(cert.getVersion()));
        out.put("SerialNumber", NumberValue.of(cert.getSerialNumber()));
        out.put("Issuer", name(issuer));
        out.put("Subject", name(subject));
        out.put("NotBefore", time(cert.getNotBefore()));
        out.put("NotAfter", time(cert.getNotAfter()));
        boolean[] ku = cert.getKeyUsage();
        int keyUsage = 0;
        if (ku != null) {
            for (int b = 0; b < ku.length && b < 9; b++) if (ku[b]) keyUsage |= 1 << b;
        }
        out.put("KeyUsage", NumberValue.of(keyUsage));

        // Defaults for an absent extension, as Go's zero values.
        out.put("BasicConstraintsValid", BooleanValue.FALSE);
        out.put("IsCA", BooleanValue.FALSE);
        out.put("MaxPathLen", NumberValue.of(0));
        out.put("MaxPathLenZero", BooleanValue.FALSE);
        for (String key : List.of(
                "ExtKeyUsage",
                "UnknownExtKeyUsage",
                "SubjectKeyId",
                "AuthorityKeyId",
                "OCSPServer",
                "IssuingCertificateURL",
                "DNSNames",
                "EmailAddresses",
                "IPAddresses",
                "URIs",
                "PermittedDNSDomains",
                "ExcludedDNSDomains",
                "PermittedIPRanges",
                "ExcludedIPRanges",
                "PermittedEmailAddresses",
                "ExcludedEmailAddresses",
                "PermittedURIDomains",
                "ExcludedURIDomains",
                "CRLDistributionPoints",
                "PolicyIdentifiers",
                "Policies",
                "ExtraExtensions",
                "UnhandledCriticalExtensions")) {
            out.put(key, NullValue.INSTANCE);
        }
        out.put("PermittedDNSDomainsCritical", BooleanValue.FALSE);
        for (String key : List.of("InhibitAnyPolicy", "InhibitPolicyMapping", "RequireExplicitPolicy")) {
            out.put(key, NumberValue.of(0));
            out.put(key + "Zero", BooleanValue.FALSE);
        }
        out.put("PolicyMappings", NullValue.INSTANCE);
        if (uriStrings) out.put("URIStrings", NullValue.INSTANCE);

        List<Value> extensionValues = new ArrayList<>();
        List<Value> unhandled = new ArrayList<>();
        for (Der.Element ext : extensions) {
            List<Der.Element> parts = ext.children();
            String id = parts.get(0).oid();
            boolean critical = parts.size() == 3
                    && parts.get(1).content().length > 0
                    && parts.get(1).content()[0] != 0;
            byte[] value = parts.get(parts.size() - 1).content();
            extensionValues.add(object(Map.of(
                    "Id",
                    oidArray(parts.get(0).content()),
                    "Critical",
                    BooleanValue.of(critical),
                    "Value",
                    bytes(value))));
            if (critical && !HANDLED_EXTENSIONS.contains(id))
                unhandled.add(oidArray(parts.get(0).content()));
            extension(out, id, critical, value, uriStrings);
        }
        out.put("Extensions", extensionValues.isEmpty() ? NullValue.INSTANCE : new ArrayValue(extensionValues));
        if (!unhandled.isEmpty()) out.put("UnhandledCriticalExtensions", new ArrayValue(unhandled));
        return object(out);
    }

    /** Go's {@code x509.CertificateRequest} from the DER of a PKCS #10 request. */
    static ObjectValue certificateRequest(byte[] der, PublicKey key) {
        Map<String, Value> out = new HashMap<>();
        List<Der.Element> top = Der.parse(der).children();
        Der.Element info = top.get(0);
        List<Der.Element> fields = info.children();
        Der.Element subject = fields.get(1);
        Der.Element spki = fields.get(2);
        out.put("Raw", bytes(der));
        out.put("RawTBSCertificateRequest", bytes(info.raw()));
        out.put("RawSubjectPublicKeyInfo", bytes(spki.raw()));
        out.put("RawSubject", bytes(subject.raw()));
        out.put("Version", NumberValue.of(fields.get(0).integer()));
        out.put("Signature", bytes(top.get(2).bits()));
        List<Der.Element> sigAlg = top.get(1).children();
        out.put(
                "SignatureAlgorithm",
                NumberValue.of(signatureAlgorithm(
                        sigAlg.get(0).oid(), sigAlg.size() > 1 ? sigAlg.get(1).raw() : null)));
        putPublicKey(out, spki, key);
        out.put("Subject", name(subject));
        for (String k : List.of(
                "Attributes", "Extensions", "ExtraExtensions", "DNSNames", "EmailAddresses", "IPAddresses", "URIs")) {
            out.put(k, NullValue.INSTANCE);
        }
        List<Value> attributes = new ArrayList<>();
        List<Value> extensions = new ArrayList<>();
        for (int i = 3; i < fields.size(); i++) {
            if (fields.get(i).context() != 0) continue;
            for (Der.Element attr : Der.parseAll(fields.get(i).content())) {
                List<Der.Element> parts = attr.children();
                String type = parts.get(0).oid();
                // Go keeps (in its deprecated Attributes) only attributes shaped as sets of (OID, value) sequences,
                // which in practice is the extension request; others are dropped, as here.
                if (!"1.2.840.113549.1.9.14".equals(type)) continue;
                List<Value> sets = new ArrayList<>();
                for (Der.Element value : parts.get(1).children()) {
                    List<Value> atvs = new ArrayList<>();
                    for (Der.Element ext : value.children()) {
                        List<Der.Element> ep = ext.children();
                        boolean critical = ep.size() == 3
                                && ep.get(1).content().length > 0
                                && ep.get(1).content()[0] != 0;
                        byte[] extValue = ep.get(ep.size() - 1).content();
                        Value second = ep.get(1).tag() == 0x01
                                ? BooleanValue.of(critical)
                                : bytes(ep.get(1).content());
                        atvs.add(object(Map.of("Type", oidArray(ep.get(0).content()), "Value", second)));
                        extensions.add(object(Map.of(
                                "Id",
                                oidArray(ep.get(0).content()),
                                "Critical",
                                BooleanValue.of(critical),
                                "Value",
                                bytes(extValue))));
                        if ("2.5.29.17".equals(ep.get(0).oid())) subjectAltNames(out, extValue, false);
                    }
                    sets.add(new ArrayValue(atvs));
                }
                attributes.add(object(Map.of(
                        "Type",
                        oidArray(parts.get(0).content()),
                        "Value",
                        sets.isEmpty() ? NullValue.INSTANCE : new ArrayValue(sets))));
            }
        }
        if (!attributes.isEmpty()) out.put("Attributes", new ArrayValue(attributes));
        if (!extensions.isEmpty()) out.put("Extensions", new ArrayValue(extensions));
        return object(out);
    }

    private static void extension(
            Map<String, Value> out, String id, boolean critical, byte[] value, boolean uriStrings) {
        switch (id) {
            case "2.5.29.19" -> {
                List<Der.Element> bc = Der.parse(value).children();
                boolean ca = false;
                int maxPathLen = -1;
                for (Der.Element e : bc) {
                    if (e.tag() == 0x01) ca = e.content().length > 0 && e.content()[0] != 0;
                    if (e.tag() == 0x02) maxPathLen = e.integer().intValue();
                }
                out.put("BasicConstraintsValid", BooleanValue.TRUE);
                out.put("IsCA", BooleanValue.of(ca));
                out.put("MaxPathLen", NumberValue.of(maxPathLen));
                out.put("MaxPathLenZero", BooleanValue.of(maxPathLen == 0));
            }
            case "2.5.29.17" -> subjectAltNames(out, value, uriStrings);
            case "2.5.29.37" -> {
                List<Value> known = new ArrayList<>();
                List<Value> unknown = new ArrayList<>();
                for (Der.Element e : Der.parse(value).children()) {
                    Integer usage = EXT_KEY_USAGES.get(e.oid());
                    if (usage != null) known.add(NumberValue.of(usage));
                    else unknown.add(oidArray(e.content()));
                }
                if (!known.isEmpty()) out.put("ExtKeyUsage", new ArrayValue(known));
                if (!unknown.isEmpty()) out.put("UnknownExtKeyUsage", new ArrayValue(unknown));
            }
            case "2.5.29.14" -> out.put("SubjectKeyId", bytes(Der.parse(value).content()));
            case "2.5.29.35" -> {
                for (Der.Element e : Der.parse(value).children()) {
                    if (e.context() == 0) out.put("AuthorityKeyId", bytes(e.content()));
                }
            }
            case "1.3.6.1.5.5.7.1.1" -> {
                List<Value> ocsp = new ArrayList<>();
                List<Value> issuers = new ArrayList<>();
                for (Der.Element access : Der.parse(value).children()) {
                    List<Der.Element> parts = access.children();
                    if (parts.size() < 2 || parts.get(1).tag() != 0x86) continue;
                    String method = parts.get(0).oid();
                    StringValue location =
                            StringValue.of(new String(parts.get(1).content(), StandardCharsets.ISO_8859_1));
                    if ("1.3.6.1.5.5.7.48.1".equals(method)) ocsp.add(location);
                    if ("1.3.6.1.5.5.7.48.2".equals(method)) issuers.add(location);
                }
                if (!ocsp.isEmpty()) out.put("OCSPServer", new ArrayValue(ocsp));
                if (!issuers.isEmpty()) out.put("IssuingCertificateURL", new ArrayValue(issuers));
            }
            case "2.5.29.31" -> {
                List<Value> points = new ArrayList<>();
                for (Der.Element dp : Der.parse(value).children()) {
                    for (Der.Element field : dp.children()) {
                        if (field.context() != 0) continue;
                        for (Der.Element dpName : Der.parseAll(field.content())) {
                            if (dpName.context() != 0) continue;
                            for (Der.Element gn : Der.parseAll(dpName.content())) {
                                if (gn.tag() == 0x86)
                                    points.add(StringValue.of(new String(gn.content(), StandardCharsets.ISO_8859_1)));
                            }
                        }
                    }
                }
                if (!points.isEmpty()) out.put("CRLDistributionPoints", new ArrayValue(points));
            }
            case "2.5.29.32" -> {
                List<Value> ids = new ArrayList<>();
                List<Value> policies = new ArrayList<>();
                for (Der.Element info : Der.parse(value).children()) {
                    Der.Element oid = info.children().get(0);
                    ids.add(oidArray(oid.content()));
                    policies.add(StringValue.of(oid.oid()));
                }
                if (!ids.isEmpty()) {
                    out.put("PolicyIdentifiers", new ArrayValue(ids));
                    out.put("Policies", new ArrayValue(policies));
                }
            }
            case "2.5.29.54" ->
                putSkip(out, "InhibitAnyPolicy", Der.parse(value).integer());
            case "2.5.29.36" -> {
                for (Der.Element e : Der.parse(value).children()) {
                    if (e.context() == 0) putSkip(out, "RequireExplicitPolicy", new BigInteger(e.content()));
                    if (e.context() == 1) putSkip(out, "InhibitPolicyMapping", new BigInteger(e.content()));
                }
            }
            case "2.5.29.33" -> {
                List<Value> mappings = new ArrayList<>();
                for (Der.Element m : Der.parse(value).children()) {
                    List<Der.Element> pair = m.children();
                    mappings.add(object(Map.of(
                            "IssuerDomainPolicy",
                            StringValue.of(pair.get(0).oid()),
                            "SubjectDomainPolicy",
                            StringValue.of(pair.get(1).oid()))));
                }
                if (!mappings.isEmpty()) out.put("PolicyMappings", new ArrayValue(mappings));
            }
            case "2.5.29.30" -> {
                out.put("PermittedDNSDomainsCritical", BooleanValue.of(critical));
                for (Der.Element subtrees : Der.parse(value).children()) {
                    String prefix = subtrees.context() == 0 ? "Permitted" : subtrees.context() == 1 ? "Excluded" : null;
                    if (prefix == null) continue;
                    List<Value> dns = new ArrayList<>();
                    List<Value> ips = new ArrayList<>();
                    List<Value> emails = new ArrayList<>();
                    List<Value> uris = new ArrayList<>();
                    for (Der.Element subtree : Der.parseAll(subtrees.content())) {
                        Der.Element base = subtree.children().get(0);
                        String text = new String(base.content(), StandardCharsets.ISO_8859_1);
                        switch (base.tag()) {
                            case 0x82 -> dns.add(StringValue.of(text));
                            case 0x81 -> emails.add(StringValue.of(text));
                            case 0x86 -> uris.add(StringValue.of(text));
                            case 0x87 -> {
                                byte[] c = base.content();
                                int half = c.length / 2;
                                byte[] ip = java.util.Arrays.copyOfRange(c, 0, half);
                                byte[] mask = java.util.Arrays.copyOfRange(c, half, c.length);
                                ips.add(object(Map.of("IP", StringValue.of(Cidr.ipText(ip)), "Mask", bytes(mask))));
                            }
                            default -> {}
                        }
                    }
                    if (!dns.isEmpty()) out.put(prefix + "DNSDomains", new ArrayValue(dns));
                    if (!ips.isEmpty()) out.put(prefix + "IPRanges", new ArrayValue(ips));
                    if (!emails.isEmpty()) out.put(prefix + "EmailAddresses", new ArrayValue(emails));
                    if (!uris.isEmpty()) out.put(prefix + "URIDomains", new ArrayValue(uris));
                }
            }
            default -> {}
        }
    }

    /** A policy skip count and Go's companion {@code ...Zero} flag. */
    private static void putSkip(Map<String, Value> out, String field, BigInteger count) {
        out.put(field, NumberValue.of(count.intValueExact()));
        out.put(field + "Zero", BooleanValue.of(count.signum() == 0));
    }

    private static void subjectAltNames(Map<String, Value> out, byte[] value, boolean uriStrings) {
        List<Value> dns = new ArrayList<>();
        List<Value> emails = new ArrayList<>();
        List<Value> ips = new ArrayList<>();
        List<Value> uris = new ArrayList<>();
        List<Value> uriTexts = new ArrayList<>();
        for (Der.Element gn : Der.parse(value).children()) {
            String text = new String(gn.content(), StandardCharsets.ISO_8859_1);
            switch (gn.tag()) {
                case 0x81 -> emails.add(StringValue.of(text));
                case 0x82 -> dns.add(StringValue.of(text));
                case 0x86 -> {
                    uris.add(url(text));
                    uriTexts.add(StringValue.of(text));
                }
                case 0x87 -> ips.add(StringValue.of(Cidr.ipText(gn.content())));
                default -> {}
            }
        }
        if (!dns.isEmpty()) out.put("DNSNames", new ArrayValue(dns));
        if (!emails.isEmpty()) out.put("EmailAddresses", new ArrayValue(emails));
        if (!ips.isEmpty()) out.put("IPAddresses", new ArrayValue(ips));
        if (!uris.isEmpty()) {
            out.put("URIs", new ArrayValue(uris));
            if (uriStrings) out.put("URIStrings", new ArrayValue(uriTexts));
        }
    }

    /** Go's {@code pkix.Name} from the DER of an X.501 Name. */
    static ObjectValue name(Der.Element name) {
        Map<String, List<Value>> lists = new HashMap<>();
        String commonName = "";
        String serial = "";
        List<Value> names = new ArrayList<>();
        for (Der.Element rdn : name.children()) {
            for (Der.Element atv : rdn.children()) {
                List<Der.Element> parts = atv.children();
                List<Long> type = Der.oidArcs(parts.get(0).content());
                String value = string(parts.get(1));
                names.add(object(Map.of("Type", oidArray(parts.get(0).content()), "Value", StringValue.of(value))));
                if (type.size() != 4 || type.get(0) != 2 || type.get(1) != 5 || type.get(2) != 4) continue;
                String field = switch (type.get(3).intValue()) {
                    case 3 -> "CommonName";
                    case 5 -> "SerialNumber";
                    case 6 -> "Country";
                    case 7 -> "Locality";
                    case 8 -> "Province";
                    case 9 -> "StreetAddress";
                    case 10 -> "Organization";
                    case 11 -> "OrganizationalUnit";
                    case 17 -> "PostalCode";
                    default -> null;
                };
                if ("CommonName".equals(field)) commonName = value;
                else if ("SerialNumber".equals(field)) serial = value;
                else if (field != null)
                    lists.computeIfAbsent(field, k -> new ArrayList<>()).add(StringValue.of(value));
            }
        }
        Map<String, Value> out = new HashMap<>();
        for (String field : List.of(
                "Country",
                "Organization",
                "OrganizationalUnit",
                "Locality",
                "Province",
                "StreetAddress",
                "PostalCode")) {
            List<Value> values = lists.get(field);
            out.put(field, values == null ? NullValue.INSTANCE : new ArrayValue(values));
        }
        out.put("CommonName", StringValue.of(commonName));
        out.put("SerialNumber", StringValue.of(serial));
        out.put("Names", names.isEmpty() ? NullValue.INSTANCE : new ArrayValue(names));
        out.put("ExtraNames", NullValue.INSTANCE);
        return object(out);
    }

    private static String string(Der.Element e) {
        return switch (e.tag()) {
            case 0x1e -> new String(e.content(), StandardCharsets.UTF_16BE);
            case 0x14 -> new String(e.content(), StandardCharsets.ISO_8859_1);
            default -> new String(e.content(), StandardCharsets.UTF_8);
        };
    }

    private static int signatureAlgorithm(String oid, byte[] params) {
        if (RSA_PSS.equals(oid)) {
            try {
                AlgorithmParameters ap = AlgorithmParameters.getInstance("RSASSA-PSS");
                ap.init(params);
                String hash = ap.getParameterSpec(PSSParameterSpec.class).getDigestAlgorithm();
                return switch (hash) {
                    case "SHA-256" -> 13;
                    case "SHA-384" -> 14;
                    case "SHA-512" -> 15;
                    default -> 0;
                };
            } catch (GeneralSecurityException | java.io.IOException | RuntimeException e) {
                return 0;
            }
        }
        return SIGNATURE_ALGORITHMS.getOrDefault(oid, 0);
    }

    private static void putPublicKey(Map<String, Value> out, Der.Element spki, PublicKey key) {
        String algorithm = spki.children().get(0).children().get(0).oid();
        int kind = PUBLIC_KEY_ALGORITHMS.getOrDefault(algorithm, 0);
        out.put("PublicKeyAlgorithm", NumberValue.of(kind));
        out.put("PublicKey", kind == 0 ? NullValue.INSTANCE : publicKey(key, spki));
    }

    /** A public key as Go marshals {@code *rsa.PublicKey}, {@code *ecdsa.PublicKey}, {@code ed25519.PublicKey}. */
    static Value publicKey(PublicKey key, Der.Element spki) {
        if (key instanceof RSAPublicKey rsa) {
            return object(Map.of("N", NumberValue.of(rsa.getModulus()), "E", NumberValue.of(rsa.getPublicExponent())));
        }
        if (key instanceof ECPublicKey ec) {
            // Go's elliptic curves have only unexported fields: {} in JSON.
            return object(Map.of(
                    "Curve",
                    ObjectValue.EMPTY,
                    "X",
                    NumberValue.of(ec.getW().getAffineX()),
                    "Y",
                    NumberValue.of(ec.getW().getAffineY())));
        }
        if (key instanceof EdECPublicKey && spki != null) {
            return bytes(spki.children().get(1).bits());
        }
        if (key instanceof DSAPublicKey dsa) {
            return object(Map.of(
                    "Parameters",
                    object(Map.of(
                            "P",
                            NumberValue.of(dsa.getParams().getP()),
                            "Q",
                            NumberValue.of(dsa.getParams().getQ()),
                            "G",
                            NumberValue.of(dsa.getParams().getG()))),
                    "Y",
                    NumberValue.of(dsa.getY())));
        }
        return NullValue.INSTANCE;
    }

    static StringValue bytes(byte[] b) {
        return StringValue.of(Base64.getEncoder().encodeToString(b));
    }

    private static Value time(Date d) {
        return StringValue.of(DateTimeFormatter.ISO_INSTANT.format(d.toInstant()));
    }

    private static ArrayValue oidArray(byte[] content) {
        List<Value> arcs = new ArrayList<>();
        for (long a : Der.oidArcs(content)) arcs.add(NumberValue.of(a));
        return new ArrayValue(arcs);
    }

    static ObjectValue object(Map<String, ? extends Value> fields) {
        Map<Value, Value> entries = new TreeMap<>();
        fields.forEach((k, v) -> entries.put(StringValue.of(k), v));
        return ObjectValue.of(entries);
    }

    /** Go's {@code url.URL} fields for a parsed URI (user info as Go's {} for a present {@code *Userinfo}). */
    static ObjectValue url(String text) {
        String rest = text;
        String fragment = "";
        int hash = rest.indexOf('#');
        if (hash >= 0) {
            fragment = rest.substring(hash + 1);
            rest = rest.substring(0, hash);
        }
        String scheme = "";
        int colon = rest.indexOf(':');
        if (colon > 0 && rest.substring(0, colon).matches("[A-Za-z][A-Za-z0-9+.-]*")) {
            scheme = rest.substring(0, colon).toLowerCase(java.util.Locale.ROOT);
            rest = rest.substring(colon + 1);
        }
        String rawQuery = "";
        boolean forceQuery = false;
        int q = rest.indexOf('?');
        if (q >= 0) {
            rawQuery = rest.substring(q + 1);
            forceQuery = rawQuery.isEmpty();
            rest = rest.substring(0, q);
        }
        String opaque = "";
        Value user = NullValue.INSTANCE;
        String host = "";
        String path = "";
        if (!scheme.isEmpty() && !rest.startsWith("/")) {
            opaque = rest;
        } else if (rest.startsWith("//")) {
            String authority = rest.substring(2);
            int slash = authority.indexOf('/');
            if (slash >= 0) {
                path = authority.substring(slash);
                authority = authority.substring(0, slash);
            }
            int at = authority.lastIndexOf('@');
            if (at >= 0) {
                user = ObjectValue.EMPTY;
                authority = authority.substring(at + 1);
            }
            host = authority;
        } else {
            path = rest;
        }
        Map<String, Value> out = new HashMap<>();
        out.put("Scheme", StringValue.of(scheme));
        out.put("Opaque", StringValue.of(opaque));
        out.put("User", user);
        out.put("Host", StringValue.of(host));
        String decodedPath = unescape(path);
        String decodedFragment = unescape(fragment);
        out.put("Path", StringValue.of(decodedPath));
        out.put("RawPath", StringValue.of(escape(decodedPath, false).equals(path) ? "" : path));
        out.put("OmitHost", BooleanValue.FALSE);
        out.put("ForceQuery", BooleanValue.of(forceQuery));
        out.put("RawQuery", StringValue.of(rawQuery));
        out.put("Fragment", StringValue.of(decodedFragment));
        out.put("RawFragment", StringValue.of(escape(decodedFragment, true).equals(fragment) ? "" : fragment));
        return object(out);
    }

    /** Go's {@code url} escaping of a path ({@code fragment} false) or a fragment: what it would write itself. */
    private static String escape(String s, boolean fragment) {
        StringBuilder sb = new StringBuilder();
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            boolean keep = (c >= 'a' && c <= 'z')
                    || (c >= 'A' && c <= 'Z')
                    || (c >= '0' && c <= '9')
                    || "-_.~$&+,/:;=@".indexOf(c) >= 0
                    || (fragment && "?!()*".indexOf(c) >= 0);
            if (keep) sb.append(c);
            else sb.append('%').append(String.format("%02X", b & 0xff));
        }
        return sb.toString();
    }

    private static String unescape(String s) {
        if (s.indexOf('%') < 0) return s;
        try {
            return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return s;
        }
    }
}
