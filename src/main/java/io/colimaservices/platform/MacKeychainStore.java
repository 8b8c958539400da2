package io.colimaservices.platform;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.IntByReference;
import com.sun.jna.ptr.PointerByReference;
import io.colimaservices.domain.SecretStore;
import io.colimaservices.domain.UserError;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

/**
 * The macOS login Keychain through the Security framework's generic-password calls, over JNA: service
 * {@code Colima Services}, account {@code <name>}. The item's access list names the program that created it; the
 * packaged app has its own runtime and so its own identity (STACK-FACTS.md).
 *
 * <p>Verified only on a Mac: this code cannot run on the Linux machines the tests use. It is kept thin on
 * purpose (one native call per operation, status codes checked) so that what cannot be tested here is small.
 * Uses the SecKeychain generic-password API (deprecated since macOS 10.10 in favour of SecItem, still present and
 * working through macOS 15) because it takes plain C strings instead of CFDictionary plumbing.
 */
public final class MacKeychainStore implements SecretStore {
    public static final String SERVICE = "Colima Services";
    private static final int ERR_SEC_SUCCESS = 0;
    private static final int ERR_SEC_ITEM_NOT_FOUND = -25300;

    /** The Security framework calls used (Security/SecKeychain.h, SecKeychainItem.h). */
    interface Security extends Library {
        int SecKeychainAddGenericPassword(Pointer keychain, int serviceNameLength, byte[] serviceName,
                                          int accountNameLength, byte[] accountName, int passwordLength,
                                          byte[] passwordData, PointerByReference itemRef);

        int SecKeychainFindGenericPassword(Pointer keychainOrArray, int serviceNameLength, byte[] serviceName,
                                           int accountNameLength, byte[] accountName, IntByReference passwordLength,
                                           PointerByReference passwordData, PointerByReference itemRef);

        int SecKeychainItemModifyAttributesAndData(Pointer itemRef, Pointer attrList, int length, byte[] data);

        int SecKeychainItemDelete(Pointer itemRef);

        int SecKeychainItemFreeContent(Pointer attrList, Pointer data);
    }

    interface CoreFoundation extends Library {
        void CFRelease(Pointer cf);
    }

    private final Security security;
    private final CoreFoundation coreFoundation;

    private MacKeychainStore(Security security, CoreFoundation coreFoundation) {
        this.security = security;
        this.coreFoundation = coreFoundation;
    }

    /** Loads the frameworks; empty when they cannot be loaded (not a Mac, or JNA unavailable). */
    public static Optional<MacKeychainStore> load() {
        try {
            return Optional.of(new MacKeychainStore(Native.load("Security", Security.class),
                    Native.load("CoreFoundation", CoreFoundation.class)));
        } catch (UnsatisfiedLinkError | RuntimeException e) {
            return Optional.empty();
        }
    }

    @Override
    public synchronized Optional<String> read(String name) {
        byte[] service = utf8(SERVICE);
        byte[] account = utf8(name);
        IntByReference length = new IntByReference();
        PointerByReference data = new PointerByReference();
        int status = security.SecKeychainFindGenericPassword(null, service.length, service, account.length, account,
                length, data, null);
        if (status == ERR_SEC_ITEM_NOT_FOUND) {
            return Optional.empty();
        }
        check(status, "read", name);
        try {
            byte[] bytes = data.getValue().getByteArray(0, length.getValue());
            String value = new String(bytes, StandardCharsets.UTF_8);
            Arrays.fill(bytes, (byte) 0);
            return Optional.of(value);
        } finally {
            security.SecKeychainItemFreeContent(null, data.getValue());
        }
    }

    @Override
    public synchronized void write(String name, String value) {
        byte[] service = utf8(SERVICE);
        byte[] account = utf8(name);
        byte[] secret = utf8(value);
        try {
            PointerByReference item = new PointerByReference();
            int status = security.SecKeychainFindGenericPassword(null, service.length, service, account.length,
                    account, null, null, item);
            if (status == ERR_SEC_ITEM_NOT_FOUND) {
                check(security.SecKeychainAddGenericPassword(null, service.length, service, account.length, account,
                        secret.length, secret, null), "write", name);
                return;
            }
            check(status, "write", name);
            try {
                check(security.SecKeychainItemModifyAttributesAndData(item.getValue(), null, secret.length, secret),
                        "update", name);
            } finally {
                coreFoundation.CFRelease(item.getValue());
            }
        } finally {
            Arrays.fill(secret, (byte) 0);
        }
    }

    @Override
    public synchronized boolean delete(String name) {
        byte[] service = utf8(SERVICE);
        byte[] account = utf8(name);
        PointerByReference item = new PointerByReference();
        int status = security.SecKeychainFindGenericPassword(null, service.length, service, account.length, account,
                null, null, item);
        if (status == ERR_SEC_ITEM_NOT_FOUND) {
            return false;
        }
        check(status, "delete", name);
        try {
            check(security.SecKeychainItemDelete(item.getValue()), "delete", name);
            return true;
        } finally {
            coreFoundation.CFRelease(item.getValue());
        }
    }

    @Override
    public String description() {
        return "the macOS login Keychain (service \"" + SERVICE + "\")";
    }

    @Override
    public boolean weaker() {
        return false;
    }

    private static void check(int status, String what, String name) {
        if (status != ERR_SEC_SUCCESS) {
            throw new UserError(UserError.Kind.OTHER, "the Keychain refused to " + what + " '" + name + "' (OSStatus "
                    + status + ")", status == -128 ? "you denied access; allow it when macOS asks"
                    : "unlock the login keychain in Keychain Access");
        }
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
