package io.colimaservices.domain;

/** The names under which the app keeps Vault's keys and tokens in its {@link SecretStore}. */
public final class SecretNames {
    /** The initial root token: needed only for bootstrap; daily work uses {@link #APP_TOKEN}. */
    public static final String ROOT_TOKEN = "vault.root-token";
    /** The scoped token bootstrap creates (policy {@code colima-services-app}). */
    public static final String APP_TOKEN = "vault.app-token";
    /** Shares are numbered from 1; stored apart so each can be read, exported or removed alone. */
    private static final String SHARE_PREFIX = "vault.unseal-key.";
    /** Vault allows at most 255 shares; we look no further than this many. */
    public static final int MAX_SHARES = 255;

    private SecretNames() {
    }

    public static String share(int number) {
        if (number < 1 || number > MAX_SHARES) {
            throw new IllegalArgumentException("share number " + number);
        }
        return SHARE_PREFIX + number;
    }
}
