package io.colimaservices.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Every set of Vault unseal shares this machine has held, so that a Vault volume restored from an older backup can
 * still be unsealed after a re-init replaced the current set. The current set stays where unseal reads it
 * ({@link SecretNames#share}); each set is also kept whole under {@code vault.share-set.<fingerprint>} (with the
 * root token of that Vault, when known), and an index ({@value #INDEX}) lists fingerprints and dates. A fingerprint
 * is a hash of the shares: it names a set without revealing any of it. Nothing here deletes a set.
 */
public final class UnsealShareSets {
    static final String INDEX = "vault.share-sets";
    private static final String SET = "vault.share-set.";

    private final SecretStore store;
    private final Clock clock;

    /** @param current true for the set unseal uses now */
    public record ShareSet(String fingerprint, Instant created, int shares, boolean hasRootToken, boolean current) {
    }

    public UnsealShareSets(SecretStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** The first 16 hex digits of SHA-256 over the shares in order. */
    public static String fingerprint(List<String> shares) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update("colima-services unseal share set\n".getBytes(StandardCharsets.UTF_8));
            for (String share : shares) {
                sha.update((share.strip() + "\n").getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(sha.digest(), 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The shares unseal uses now, in order (share 1, 2, ... until the first gap). */
    public List<String> currentShares() {
        List<String> shares = new ArrayList<>();
        for (int i = 1; i <= SecretNames.MAX_SHARES; i++) {
            Optional<String> share = store.read(SecretNames.share(i));
            if (share.isEmpty()) {
                break;
            }
            shares.add(share.get());
        }
        return shares;
    }

    /** Keeps a set (a new init, an import); a set kept already only learns a root token it lacked. */
    public synchronized String keep(List<String> shares, Optional<String> rootToken) {
        String fingerprint = fingerprint(shares);
        Optional<Stored> existing = stored(fingerprint);
        if (existing.isPresent()) {
            if (existing.get().rootToken().isEmpty() && rootToken.isPresent()) {
                store.write(SET + fingerprint, encode(shares, rootToken));
                rewriteIndex(fingerprint, existing.get().created(), shares.size(), true);
            }
            return fingerprint;
        }
        store.write(SET + fingerprint, encode(shares, rootToken));
        rewriteIndex(fingerprint, clock.instant(), shares.size(), rootToken.isPresent());
        return fingerprint;
    }

    /** The current set's fingerprint (kept first, for sets stored before sets were kept); empty without shares. */
    public Optional<String> currentFingerprint() {
        List<String> shares = currentShares();
        if (shares.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(keep(shares, store.read(SecretNames.ROOT_TOKEN)));
    }

    /** Every kept set, newest first. */
    public List<ShareSet> list() {
        Optional<String> current = currentFingerprint();
        List<ShareSet> sets = new ArrayList<>();
        for (IndexLine line : index()) {
            sets.add(new ShareSet(line.fingerprint, line.created, line.shares, line.root,
                    current.map(line.fingerprint::equals).orElse(false)));
        }
        sets.sort(Comparator.comparing(ShareSet::created).reversed());
        return sets;
    }

    /** @throws UserError (vault) naming the fingerprint when no such set is kept */
    public List<String> shares(String fingerprint) {
        return require(fingerprint).shares();
    }

    /**
     * Makes a kept set the one unseal uses (a restored Vault volume belongs to it): its shares replace the current
     * ones, its root token the current one when it has one; the app token, issued by another Vault, is dropped.
     */
    public synchronized void makeCurrent(String fingerprint) {
        Stored set = require(fingerprint);
        currentFingerprint();
        for (int i = 0; i < set.shares().size(); i++) {
            store.write(SecretNames.share(i + 1), set.shares().get(i));
        }
        for (int i = set.shares().size() + 1; i <= SecretNames.MAX_SHARES; i++) {
            if (!store.delete(SecretNames.share(i))) {
                break;
            }
        }
        set.rootToken().ifPresent(token -> store.write(SecretNames.ROOT_TOKEN, token));
        store.delete(SecretNames.APP_TOKEN);
    }

    private Stored require(String fingerprint) {
        return stored(fingerprint).orElseThrow(() -> new UserError(UserError.Kind.VAULT, "no unseal share set "
                + fingerprint + " in " + store.description(), "'colima-services vault share-sets' lists the sets kept"));
    }

    private record Stored(List<String> shares, Optional<String> rootToken, Instant created) {
    }

    private Optional<Stored> stored(String fingerprint) {
        Optional<String> text = store.read(SET + fingerprint);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        List<String> shares = new ArrayList<>();
        Optional<String> root = Optional.empty();
        for (String line : text.get().split("\n")) {
            if (line.startsWith("share ")) {
                shares.add(line.substring(6));
            } else if (line.startsWith("root ")) {
                root = Optional.of(line.substring(5));
            }
        }
        Instant created = index().stream().filter(l -> l.fingerprint.equals(fingerprint)).map(l -> l.created)
                .findFirst().orElse(Instant.EPOCH);
        return Optional.of(new Stored(shares, root, created));
    }

    private static String encode(List<String> shares, Optional<String> rootToken) {
        StringBuilder text = new StringBuilder();
        shares.forEach(s -> text.append("share ").append(s.strip()).append('\n'));
        rootToken.ifPresent(t -> text.append("root ").append(t).append('\n'));
        return text.toString();
    }

    private record IndexLine(String fingerprint, Instant created, int shares, boolean root) {
        String text() {
            return fingerprint + " " + created + " " + shares + " " + (root ? "root" : "-");
        }
    }

    private List<IndexLine> index() {
        List<IndexLine> lines = new ArrayList<>();
        for (String line : store.read(INDEX).orElse("").split("\n")) {
            String[] parts = line.strip().split(" ");
            if (parts.length == 4) {
                try {
                    lines.add(new IndexLine(parts[0], Instant.parse(parts[1]), Integer.parseInt(parts[2]),
                            parts[3].equals("root")));
                } catch (DateTimeParseException | NumberFormatException e) {
                    // a damaged line names no set we could use; the others stand
                }
            }
        }
        return lines;
    }

    private void rewriteIndex(String fingerprint, Instant created, int shares, boolean root) {
        List<IndexLine> lines = new ArrayList<>(index().stream().filter(l -> !l.fingerprint.equals(fingerprint))
                .toList());
        lines.add(new IndexLine(fingerprint, created, shares, root));
        store.write(INDEX, String.join("\n", lines.stream().map(IndexLine::text).toList()) + "\n");
    }
}
