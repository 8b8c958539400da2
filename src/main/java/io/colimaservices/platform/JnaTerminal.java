package io.colimaservices.platform;

import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.NativeLong;
import io.colimaservices.domain.LocalTerminal;
import io.colimaservices.domain.Subscription;
import io.colimaservices.domain.TerminalSize;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * The process's terminal through libc (JNA): {@code isatty}, {@code ioctl(TIOCGWINSZ)} for the size,
 * {@code tcgetattr}/{@code cfmakeraw}/{@code tcsetattr} for raw mode. Resizes are heard through SIGWINCH, which the
 * JVM delivers to Java code through {@code sun.misc.Signal} (module jdk.unsupported, reached by reflection so the
 * build needs no internal API); where that is refused the size is polled every {@link #POLL} instead.
 */
public final class JnaTerminal implements LocalTerminal {
    private static final Logger LOG = LoggerFactory.getLogger(JnaTerminal.class);
    static final Duration POLL = Duration.ofMillis(250);
    private static final int STDIN = 0;
    private static final int STDOUT = 1;

    private final TerminalLibC libc;
    private final NativeLong winsizeRequest;
    private final CopyOnWriteArrayList<Consumer<TerminalSize>> listeners = new CopyOnWriteArrayList<>();
    private final AtomicReference<TerminalSize> lastSize = new AtomicReference<>();
    private final AtomicBoolean watching = new AtomicBoolean();
    /** SIGWINCH reaches {@link #checkSize()} for the rest of the JVM's life. */
    private volatile boolean signalled;

    private JnaTerminal(TerminalLibC libc, boolean macOs) {
        this.libc = libc;
        this.winsizeRequest = new NativeLong(macOs ? TerminalLibC.TIOCGWINSZ_DARWIN : TerminalLibC.TIOCGWINSZ_LINUX);
    }

    /** The terminal of this process, or {@link LocalTerminal#NONE} when libc cannot be reached. */
    public static LocalTerminal current(String osName) {
        try {
            return new JnaTerminal(Native.load("c", TerminalLibC.class), osName.toLowerCase().contains("mac"));
        } catch (LinkageError | RuntimeException e) {
            LOG.warn("no terminal control (libc through JNA failed): {}", e.toString());
            return LocalTerminal.NONE;
        }
    }

    @Override
    public boolean stdinIsTerminal() {
        return libc.isatty(STDIN) == 1;
    }

    @Override
    public boolean stdoutIsTerminal() {
        return libc.isatty(STDOUT) == 1;
    }

    @Override
    public Optional<TerminalSize> size() {
        for (int fd : new int[] {STDOUT, STDIN}) {
            try (Memory winsize = new Memory(8)) {
                winsize.clear();
                if (libc.ioctl(fd, winsizeRequest, winsize) == 0) {
                    int rows = winsize.getShort(0) & 0xffff;
                    int columns = winsize.getShort(2) & 0xffff;
                    if (rows > 0 && columns > 0) {
                        return Optional.of(new TerminalSize(columns, rows));
                    }
                }
            }
        }
        return Optional.empty();
    }

    @Override
    public RawMode enterRawMode() {
        if (!stdinIsTerminal()) {
            return () -> { };
        }
        Memory saved = new Memory(TerminalLibC.TERMIOS_BYTES);
        saved.clear();
        if (libc.tcgetattr(STDIN, saved) != 0) {
            LOG.warn("cannot read the terminal's mode (errno {}): staying in line mode", Native.getLastError());
            return () -> { };
        }
        Memory raw = new Memory(TerminalLibC.TERMIOS_BYTES);
        raw.write(0, saved.getByteArray(0, TerminalLibC.TERMIOS_BYTES), 0, TerminalLibC.TERMIOS_BYTES);
        libc.cfmakeraw(raw);
        AtomicBoolean restored = new AtomicBoolean();
        Runnable restore = () -> {
            if (restored.compareAndSet(false, true)) {
                libc.tcsetattr(STDIN, TerminalLibC.TCSANOW, saved);
            }
        };
        // A signal or System.exit while raw must not leave the user's terminal without echo.
        Thread hook = new Thread(restore, "terminal-restore");
        Runtime.getRuntime().addShutdownHook(hook);
        if (libc.tcsetattr(STDIN, TerminalLibC.TCSANOW, raw) != 0) {
            LOG.warn("cannot put the terminal in raw mode (errno {})", Native.getLastError());
        }
        return () -> {
            restore.run();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook runs (and finds the mode restored) or ran already
            }
        };
    }

    @Override
    public Subscription onResize(Consumer<TerminalSize> listener) {
        listeners.add(listener);
        size().ifPresent(lastSize::set);
        if (!signalled && watching.compareAndSet(false, true)) {
            signalled = SignalHook.install("WINCH", this::checkSize);
            if (!signalled) {
                Thread.ofVirtual().name("terminal-size-poll").start(this::poll);
            }
        }
        return () -> listeners.remove(listener);
    }

    /** Called on every SIGWINCH (or poll): tells the listeners when the size really changed. */
    private void checkSize() {
        size().ifPresent(now -> {
            if (!now.equals(lastSize.getAndSet(now))) {
                listeners.forEach(l -> l.accept(now));
            }
        });
    }

    /** Without signals: polls while anyone listens; the next listener starts it again. */
    private void poll() {
        try {
            while (!listeners.isEmpty()) {
                Thread.sleep(POLL);
                checkSize();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            watching.set(false);
        }
    }

    /** {@code sun.misc.Signal.handle(new Signal(name), handler)} by reflection. */
    static final class SignalHook {
        private SignalHook() {
        }

        static boolean install(String signal, Runnable action) {
            try {
                Class<?> signalClass = Class.forName("sun.misc.Signal");
                Class<?> handlerClass = Class.forName("sun.misc.SignalHandler");
                Constructor<?> create = signalClass.getConstructor(String.class);
                Object handler = Proxy.newProxyInstance(handlerClass.getClassLoader(), new Class<?>[] {handlerClass},
                        (proxy, method, args) -> {
                            if (method.getName().equals("handle")) {
                                action.run();
                                return null;
                            }
                            return switch (method.getName()) {
                                case "hashCode" -> System.identityHashCode(proxy);
                                case "equals" -> proxy == args[0];
                                case "toString" -> "SIG" + signal + " handler";
                                default -> null;
                            };
                        });
                Method handle = signalClass.getMethod("handle", signalClass, handlerClass);
                handle.invoke(null, create.newInstance(signal), handler);
                return true;
            } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
                LOG.debug("no SIG{} handler: polling the terminal size instead", signal, e);
                return false;
            }
        }
    }
}
