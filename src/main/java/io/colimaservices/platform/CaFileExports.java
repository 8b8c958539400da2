package io.colimaservices.platform;

import io.colimaservices.domain.CaCertificate;
import io.colimaservices.domain.CaChain;
import io.colimaservices.domain.CaFiles;
import io.colimaservices.domain.PrivateFiles;
import io.colimaservices.domain.UserError;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.Arrays;

/**
 * Writes the stack's CA (public certificates only) as the files clients take: the chain in PEM, or a PKCS#12 / JKS
 * trust store made with the JDK's {@link KeyStore} holding one trusted-certificate entry per CA (no key entry can
 * exist: the chain carries none). Each file is written beside its target and moved into place, so a reader never
 * sees half a file. The root alone lives at {@code <runtime>/ca/root-ca.pem}, beside the chain that bootstrap
 * exports there (docs/vault-contract.md, "Host files the app writes").
 */
public final class CaFileExports implements CaFiles {
    private final Path caDirectory;

    /** @param runtime the app's runtime directory (its {@code ca/} holds the public CA files) */
    public CaFileExports(Path runtime) {
        this.caDirectory = runtime.resolve("ca");
    }

    @Override
    public Path rootFile(CaCertificate root) {
        Path file = caDirectory.resolve("root-ca.pem");
        byte[] pem = root.pem().getBytes(StandardCharsets.US_ASCII);
        try {
            if (!Files.isRegularFile(file) || !Arrays.equals(Files.readAllBytes(file), pem)) {
                Files.createDirectories(caDirectory);
                replace(file, out -> out.write(pem));
            }
        } catch (IOException | GeneralSecurityException e) {
            throw new UserError(UserError.Kind.OTHER, "cannot write the root CA to " + file + ": " + e.getMessage());
        }
        return file;
    }

    @Override
    public void export(CaChain chain, Path file, Format format, char[] storePassword) {
        Path target = file.toAbsolutePath();
        if (!Files.isDirectory(target.getParent())) {
            throw new UserError(UserError.Kind.CONFIGURATION, "cannot export the CA to " + file + ": "
                    + target.getParent() + " is not a directory", "choose a file in an existing directory");
        }
        try {
            switch (format) {
                case PEM -> replace(target, out -> out.write(chain.pem().getBytes(StandardCharsets.US_ASCII)));
                case PKCS12, JKS -> {
                    KeyStore store = trustStore(chain, format == Format.JKS ? "JKS" : "PKCS12");
                    replace(target, out -> store.store(out, storePassword));
                }
            }
        } catch (IOException | GeneralSecurityException e) {
            throw new UserError(UserError.Kind.OTHER, "cannot export the CA to " + file + ": " + e.getMessage());
        }
    }

    private static KeyStore trustStore(CaChain chain, String type) throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance(type);
        store.load(null, null);
        for (CaCertificate certificate : chain.certificates()) {
            String alias = certificate.alias();
            if (store.containsAlias(alias)) {
                alias = alias + "-" + certificate.sha1().substring(0, 8).toLowerCase(java.util.Locale.ROOT);
            }
            store.setCertificateEntry(alias, certificate.x509());
        }
        return store;
    }

    private interface Writer {
        void write(OutputStream out) throws IOException, GeneralSecurityException;
    }

    private static void replace(Path file, Writer writer) throws IOException, GeneralSecurityException {
        Path temp = file.resolveSibling("." + file.getFileName() + ".tmp-" + ProcessHandle.current().pid());
        try {
            try (OutputStream out = Files.newOutputStream(temp)) {
                writer.write(out);
            }
            PrivateFiles.moveIntoPlace(temp, file);
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
