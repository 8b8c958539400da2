package io.colimaservices.cli;

import java.io.PrintWriter;

/** The warning shown whenever keys or tokens land in the fallback file store. */
final class StoreWarning {
    private StoreWarning() {
    }

    static void print(PrintWriter err) {
        err.println("warning: no keychain answered, so the keys are in a file only you can read (0600). That is "
                + "weaker than a keychain: any program running as you can read it. On Linux, install "
                + "libsecret-tools and run a Secret Service (GNOME Keyring) to use it instead.");
    }
}
