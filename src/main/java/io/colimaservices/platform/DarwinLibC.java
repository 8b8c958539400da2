package io.colimaservices.platform;

import com.sun.jna.Library;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.LongByReference;

/** {@code sysctlbyname(3)} from libSystem. Every Mac that runs this app is 64-bit, so size_t is a Java long. */
interface DarwinLibC extends Library {
    int sysctlbyname(String name, Pointer oldValue, LongByReference oldLength, Pointer newValue, long newLength);
}
