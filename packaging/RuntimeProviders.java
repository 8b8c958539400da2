import java.security.Security;

/**
 * Prints the entries of the running JDK's security provider list (security.provider.N in conf/security/java.security)
 * whose provider the running JDK has, one per line, in order. packaging/lib.sh runs it with a jlinked runtime's own
 * java to rewrite that runtime's list to what it holds.
 *
 * <p>Why: jlink keeps the JDK's list, which names providers from modules the app's runtime leaves out (XMLDSig,
 * SunPCSC, JdkSASL, SunPKCS11). When a lookup reaches such an entry (the first HTTP client's TLS set-up asks for
 * algorithm parameters that none of the first providers has), the JDK looks for it among the class path's providers
 * too, and so creates BouncyCastle's provider (the backups' OpenPGP library): 420 classes from a signed jar, ~300 ms of CPU at
 * every start (docs/benchmarks.md, "Before issue 16 and now").
 */
public final class RuntimeProviders {
    private RuntimeProviders() {
    }

    public static void main(String[] args) {
        for (int i = 1; ; i++) {
            String entry = Security.getProperty("security.provider." + i);
            if (entry == null) {
                return;
            }
            String name = entry.trim().split("\\s+")[0];
            // An entry by class name (older JDKs' form) is kept as it is: it is not a provider's name to ask for.
            if (name.contains(".") || Security.getProvider(name) != null) {
                System.out.println(entry.trim());
            }
        }
    }
}
