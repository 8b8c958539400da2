package io.colimaservices.domain;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What {@code colima start} is asked for: the profile and its resources. Defaults follow the stack's
 * specification (4 CPUs, 8 GiB, 60 GiB, aarch64 on Virtualization.framework with Rosetta and a reachable address).
 * Invalid values are refused here, once, so that neither face can pass Colima something it would choke on.
 *
 * @param memoryGiB whole GiB: Colima takes GiB, and the settings file stays readable
 * @param diskGiB whole GiB; Colima can grow a disk but never shrink it
 */
public record VmSpec(
        String profile,
        int cpus,
        int memoryGiB,
        int diskGiB,
        String arch,
        String vmType,
        boolean rosetta,
        boolean networkAddress,
        boolean kubernetes) {

    public static final String DEFAULT_PROFILE = "default";
    public static final Set<String> ARCHES = Set.of("aarch64", "x86_64");
    public static final Set<String> VM_TYPES = Set.of("vz", "qemu", "krunkit");
    public static final int MAX_CPUS = 256;
    public static final int MAX_MEMORY_GIB = 1024;
    public static final int MIN_DISK_GIB = 10;
    public static final int MAX_DISK_GIB = 8192;

    /**
     * Letters, digits, dot, dash and underscore, not starting with a dash: a profile name becomes a file name and
     * a command-line argument, and must never read as an option.
     */
    private static final Pattern PROFILE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,62}");

    public VmSpec {
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(arch, "arch");
        Objects.requireNonNull(vmType, "vmType");
        requireProfile(profile);
        requireRange("cpus", cpus, 1, MAX_CPUS);
        requireRange("memory (GiB)", memoryGiB, 1, MAX_MEMORY_GIB);
        requireRange("disk (GiB)", diskGiB, MIN_DISK_GIB, MAX_DISK_GIB);
        arch = arch.toLowerCase(Locale.ROOT);
        if (!ARCHES.contains(arch)) {
            throw invalid("arch '" + arch + "' is not one of " + String.join(", ", sorted(ARCHES)));
        }
        vmType = vmType.toLowerCase(Locale.ROOT);
        if (!VM_TYPES.contains(vmType)) {
            throw invalid("VM type '" + vmType + "' is not one of " + String.join(", ", sorted(VM_TYPES)));
        }
    }

    public static VmSpec defaults() {
        return new VmSpec(DEFAULT_PROFILE, 4, 8, 60, "aarch64", "vz", true, true, false);
    }

    /** @throws UserError of kind CONFIGURATION naming the rule the name breaks */
    public static String requireProfile(String profile) {
        if (profile == null || !PROFILE.matcher(profile).matches()) {
            throw invalid("profile '" + profile + "' is not a valid Colima profile name (letters, digits, '.', '_' "
                    + "and '-', starting with a letter or digit)");
        }
        return profile;
    }

    public VmSpec withProfile(String newProfile) {
        return new VmSpec(newProfile, cpus, memoryGiB, diskGiB, arch, vmType, rosetta, networkAddress, kubernetes);
    }

    public VmSpec withCpus(int newCpus) {
        return new VmSpec(profile, newCpus, memoryGiB, diskGiB, arch, vmType, rosetta, networkAddress, kubernetes);
    }

    public VmSpec withMemoryGiB(int newMemory) {
        return new VmSpec(profile, cpus, newMemory, diskGiB, arch, vmType, rosetta, networkAddress, kubernetes);
    }

    public VmSpec withDiskGiB(int newDisk) {
        return new VmSpec(profile, cpus, memoryGiB, newDisk, arch, vmType, rosetta, networkAddress, kubernetes);
    }

    private static void requireRange(String what, int value, int min, int max) {
        if (value < min || value > max) {
            throw invalid(what + " must be from " + min + " to " + max + ", not " + value);
        }
    }

    private static UserError invalid(String message) {
        return new UserError(UserError.Kind.CONFIGURATION, message);
    }

    private static List<String> sorted(Set<String> values) {
        return values.stream().sorted().toList();
    }
}
