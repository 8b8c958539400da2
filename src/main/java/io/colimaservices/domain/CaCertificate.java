package io.colimaservices.domain;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.Principal;
import java.security.cert.Certificate;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * One certificate of the stack's CA chain (public material: no key). Parsed by the JDK; the fingerprints are the
 * ones the trust tools print ({@code security find-certificate -Z}: SHA-1 in upper-case hex).
 */
public record CaCertificate(X509Certificate x509) {

    public CaCertificate {
        Objects.requireNonNull(x509, "x509");
    }

    /**
     * Every certificate in {@code pem}, in order.
     *
     * @throws IllegalArgumentException when the text holds something that is not a certificate
     */
    public static List<CaCertificate> parseAll(String pem) {
        if (pem == null || pem.isBlank()) {
            return List.of();
        }
        try {
            CertificateFactory factory = CertificateFactory.getInstance("X.509");
            List<CaCertificate> all = new ArrayList<>();
            for (Certificate c : factory.generateCertificates(
                    new ByteArrayInputStream(pem.strip().getBytes(StandardCharsets.US_ASCII)))) {
                all.add(new CaCertificate((X509Certificate) c));
            }
            return List.copyOf(all);
        } catch (CertificateException | ClassCastException e) {
            throw new IllegalArgumentException("not a PEM certificate", e);
        }
    }

    /** The subject as RFC 2253 text, e.g. {@code CN=Colima Services Root CA}. */
    public String subject() {
        return subject(x509).getName();
    }

    /** The subject's common name, or the whole subject when it has none. */
    public String commonName() {
        for (String part : subject().split(",")) {
            if (part.startsWith("CN=")) {
                return part.substring(3).replace("\\", "");
            }
        }
        return subject();
    }

    public Instant notAfter() {
        return x509.getNotAfter().toInstant();
    }

    /** Issued by itself and signed with its own key: a root. */
    public boolean selfSigned() {
        return subject(x509).equals(issuer(x509)) && signedBy(this);
    }

    /** Names {@code issuer} as its issuer and carries a signature {@code issuer}'s key verifies. */
    public boolean signedBy(CaCertificate issuer) {
        if (!issuer(x509).equals(subject(issuer.x509))) {
            return false;
        }
        try {
            x509.verify(issuer.x509.getPublicKey());
            return true;
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    /** The subject as a plain {@link Principal}: its name is RFC 2253 text, and it compares by the encoded name. */
    private static Principal subject(X509Certificate certificate) {
        return certificate.getSubjectX500Principal();
    }

    private static Principal issuer(X509Certificate certificate) {
        return certificate.getIssuerX500Principal();
    }

    public byte[] der() {
        try {
            return x509.getEncoded();
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException("a parsed certificate cannot be encoded again", e);
        }
    }

    /** PEM with 64-character lines and a final newline. */
    public String pem() {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der());
        return "-----BEGIN CERTIFICATE-----\n" + body + "\n-----END CERTIFICATE-----\n";
    }

    /** SHA-1 of the DER encoding in upper-case hex without separators (how macOS's {@code security} prints it). */
    public String sha1() {
        return HexFormat.of().withUpperCase().formatHex(digest("SHA-1"));
    }

    /** SHA-256 of the DER encoding, upper-case hex pairs joined by colons (how browsers show it). */
    public String sha256() {
        return HexFormat.ofDelimiter(":").withUpperCase().formatHex(digest("SHA-256"));
    }

    /** A stable name for a key store entry, e.g. {@code colima-services-root-ca}. */
    public String alias() {
        String alias = commonName().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
        return alias.isEmpty() ? sha1().toLowerCase(Locale.ROOT) : alias;
    }

    private byte[] digest(String algorithm) {
        try {
            return MessageDigest.getInstance(algorithm).digest(der());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(algorithm + " is part of every JDK", e);
        }
    }
}
