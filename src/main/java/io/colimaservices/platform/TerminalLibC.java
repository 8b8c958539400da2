package io.colimaservices.platform;

import com.sun.jna.Library;
import com.sun.jna.NativeLong;
import com.sun.jna.Pointer;

/**
 * The libc calls a local terminal needs (the same names on Linux and macOS). {@code struct termios} is handled as
 * an opaque block (its layout differs between the two; {@code cfmakeraw} knows it), {@code struct winsize} is four
 * unsigned shorts on both.
 */
interface TerminalLibC extends Library {
    /** Larger than {@code struct termios} on either system (60 bytes on Linux, 72 on macOS). */
    int TERMIOS_BYTES = 256;
    int TCSANOW = 0;
    long TIOCGWINSZ_LINUX = 0x5413L;
    long TIOCGWINSZ_DARWIN = 0x40087468L;

    int isatty(int fd);

    int tcgetattr(int fd, Pointer termios);

    int tcsetattr(int fd, int optionalActions, Pointer termios);

    void cfmakeraw(Pointer termios);

    /** Variadic in C: declared so, since Apple's arm64 ABI passes variadic arguments differently. */
    int ioctl(int fd, NativeLong request, Object... argument);
}
