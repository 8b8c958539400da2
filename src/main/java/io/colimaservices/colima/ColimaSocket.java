package io.colimaservices.colima;

import io.colimaservices.domain.VmState;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Which socket is Colima's for a profile. While the VM runs, Colima's own {@code docker_socket} wins: it knows
 * which configuration directory it chose ({@code ~/.colima} or {@code ~/.config/colima}) better than any guess.
 * Otherwise the socket is where {@link ColimaPaths} says the profile keeps it.
 */
public final class ColimaSocket {
    private ColimaSocket() {
    }

    /** Where the profile's socket is or would be. */
    public static Path expected(VmState vm, ColimaPaths paths) {
        if (vm.isRunning()) {
            Optional<Path> reported = vm.socket().flatMap(ColimaSocket::unixPath);
            if (reported.isPresent()) {
                return reported.get();
            }
        }
        return paths.socketPath(vm.profile());
    }

    /**
     * The socket the Docker host chain should use: Colima's while the VM runs (even if broken, so that an error
     * names the right socket), else the profile's socket when something is there; empty lets the chain fall back
     * to {@code /var/run/docker.sock}.
     */
    public static Optional<Path> forDockerHost(VmState vm, ColimaPaths paths) {
        if (vm.isRunning()) {
            Optional<Path> reported = vm.socket().flatMap(ColimaSocket::unixPath);
            if (reported.isPresent()) {
                return reported;
            }
        }
        return paths.existingSocket(vm.profile());
    }

    /** The path of a {@code unix://} address (or a bare absolute path); empty for any other kind of address. */
    static Optional<Path> unixPath(String address) {
        String text = address.strip();
        try {
            if (text.startsWith("/")) {
                return Optional.of(Path.of(text));
            }
            // The Docker CLI takes everything after the scheme as the path (spaces included), so do the same.
            if (text.startsWith("unix://") && text.length() > "unix://".length()) {
                return Optional.of(Path.of(text.substring("unix://".length())));
            }
        } catch (InvalidPathException e) {
            // Not a usable unix address: callers treat it as "some other engine".
            return Optional.empty();
        }
        return Optional.empty();
    }

    /** Whether two socket paths are the same socket, following links where they exist. */
    static boolean same(Path a, Path b) {
        if (a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize())) {
            return true;
        }
        try {
            return Files.exists(a) && Files.exists(b) && Files.isSameFile(a, b);
        } catch (IOException e) {
            return false;
        }
    }
}
