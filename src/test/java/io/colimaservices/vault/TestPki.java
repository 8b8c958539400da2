package io.colimaservices.vault;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

/**
 * Real X.509 material for the Vault API double, with Bouncy Castle. Keys are EC P-256 instead of the RSA 2048 the
 * contract asks Vault for: the double only has to produce certificates whose dates and names are real, and EC
 * keys are generated in milliseconds on a shared 2-core machine.
 */
public final class TestPki {
    private static final SecureRandom RANDOM = new SecureRandom();

    private TestPki() {
    }

    public static KeyPair keyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"), RANDOM);
            return generator.generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static X509Certificate selfSignedCa(String commonName, KeyPair keys, Duration ttl) {
        X500Name name = new X500Name("CN=" + commonName);
        return sign(name, keys.getPublic(), name, keys, ttl, true, List.of(), List.of());
    }

    public static X509Certificate sign(X500Name subject, PublicKey subjectKey, X500Name issuer, KeyPair issuerKeys,
                                Duration ttl, boolean ca, List<String> dnsNames, List<String> ips) {
        try {
            Instant now = Instant.now();
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuer,
                    new BigInteger(64, RANDOM).abs().add(BigInteger.ONE), Date.from(now.minusSeconds(30)),
                    Date.from(now.plus(ttl)), subject, subjectKey);
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(ca));
            builder.addExtension(Extension.keyUsage, true, ca
                    ? new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign)
                    : new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyEncipherment));
            List<GeneralName> sans = new ArrayList<>();
            dnsNames.forEach(d -> sans.add(new GeneralName(GeneralName.dNSName, d)));
            ips.forEach(ip -> sans.add(new GeneralName(GeneralName.iPAddress, ip)));
            if (!sans.isEmpty()) {
                builder.addExtension(Extension.subjectAlternativeName, false,
                        new GeneralNames(sans.toArray(GeneralName[]::new)));
            }
            ContentSigner signer = new JcaContentSignerBuilder("SHA256withECDSA").build(issuerKeys.getPrivate());
            X509CertificateHolder holder = builder.build(signer);
            return new JcaX509CertificateConverter().getCertificate(holder);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static String csr(String commonName, KeyPair keys) {
        try {
            ContentSigner signer = new JcaContentSignerBuilder("SHA256withECDSA").build(keys.getPrivate());
            return pem(new JcaPKCS10CertificationRequestBuilder(new X500Name("CN=" + commonName), keys.getPublic())
                    .build(signer));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The first PEM object of {@code text}; throws on anything that is not PEM. */
    static Object readPem(String text) throws IOException {
        try (PEMParser parser = new PEMParser(new StringReader(text))) {
            Object object = parser.readObject();
            if (object == null) {
                throw new IOException("no PEM object");
            }
            return object;
        }
    }

    static PKCS10CertificationRequest readCsr(String text) throws IOException {
        if (readPem(text) instanceof PKCS10CertificationRequest csr) {
            return csr;
        }
        throw new IOException("not a CSR");
    }

    /** Every certificate of a PEM bundle, in order; throws when it holds none or something else. */
    static List<X509Certificate> readCertificates(String text) throws IOException {
        List<X509Certificate> certificates = new ArrayList<>();
        try (PEMParser parser = new PEMParser(new StringReader(text))) {
            for (Object object = parser.readObject(); object != null; object = parser.readObject()) {
                if (!(object instanceof X509CertificateHolder holder)) {
                    throw new IOException("not a certificate");
                }
                try {
                    certificates.add(new JcaX509CertificateConverter().getCertificate(holder));
                } catch (Exception e) {
                    throw new IOException(e);
                }
            }
        }
        if (certificates.isEmpty()) {
            throw new IOException("no PEM object");
        }
        return certificates;
    }

    public static String pem(Object object) {
        StringWriter out = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
            writer.writeObject(object);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toString().strip();
    }

    static String serial(X509Certificate cert) {
        String hex = cert.getSerialNumber().toString(16);
        if (hex.length() % 2 == 1) {
            hex = "0" + hex;
        }
        return String.join(":", hex.split("(?<=\\G..)"));
    }
}
