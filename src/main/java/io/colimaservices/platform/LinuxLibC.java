package io.colimaservices.platform;

import com.sun.jna.Library;
import com.sun.jna.NativeLong;
import com.sun.jna.Pointer;

/** The few libc functions {@link LinuxPlatform} asks (glibc and musl agree on these constants and layouts). */
interface LinuxLibC extends Library {
    /** {@code struct utsname}: six fields of {@code char[65]}: sysname, nodename, release, version, machine, domain. */
    int UTSNAME_FIELD = 65;
    int UTSNAME_FIELDS = 6;
    int SC_NPROCESSORS_ONLN = 84;
    int SC_PHYS_PAGES = 85;

    int uname(Pointer buffer);

    /** {@code long sysconf(int)}: a C long, hence NativeLong. */
    NativeLong sysconf(int name);

    int getpagesize();

    /** {@code int gethostname(char *name, size_t len)}; size_t is as wide as a C long on LP64 Linux. */
    int gethostname(byte[] name, NativeLong length);
}
