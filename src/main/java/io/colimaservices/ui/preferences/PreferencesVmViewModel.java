package io.colimaservices.ui.preferences;

import io.colimaservices.domain.NativePlatform;
import io.colimaservices.domain.UserError;
import io.colimaservices.domain.VmAdvice;
import io.colimaservices.domain.VmSpec;
import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.IntFunction;

/**
 * The Preferences page's VM panel: the Colima profile and its resources as typed, checked with the rules of
 * {@link VmSpec} (its own words), and the machine's warnings about valid but doubtful choices.
 */
public final class PreferencesVmViewModel {
    private final NativePlatform platform;
    private final StringProperty profile = new SimpleStringProperty(this, "profile", "");
    private final StringProperty cpus = new SimpleStringProperty(this, "cpus", "");
    private final StringProperty memory = new SimpleStringProperty(this, "memory", "");
    private final StringProperty disk = new SimpleStringProperty(this, "disk", "");
    private final StringProperty arch = new SimpleStringProperty(this, "arch", "aarch64");
    private final StringProperty vmType = new SimpleStringProperty(this, "vmType", "vz");
    private final BooleanProperty rosetta = new SimpleBooleanProperty(this, "rosetta");
    private final BooleanProperty networkAddress = new SimpleBooleanProperty(this, "networkAddress");
    private final BooleanProperty kubernetes = new SimpleBooleanProperty(this, "kubernetes");
    private final ReadOnlyStringWrapper profileError = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper cpusError = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper memoryError = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper diskError = new ReadOnlyStringWrapper("");
    private final ObservableList<String> warnings = FXCollections.observableArrayList();
    private final ObservableList<String> readOnlyWarnings = FXCollections.unmodifiableObservableList(warnings);

    PreferencesVmViewModel(NativePlatform platform) {
        this.platform = platform;
    }

    Observable[] fields() {
        return new Observable[] {profile, cpus, memory, disk, arch, vmType, rosetta, networkAddress, kubernetes};
    }

    void fill(VmSpec vm) {
        profile.set(vm.profile());
        cpus.set(String.valueOf(vm.cpus()));
        memory.set(String.valueOf(vm.memoryGiB()));
        disk.set(String.valueOf(vm.diskGiB()));
        arch.set(vm.arch());
        vmType.set(vm.vmType());
        rosetta.set(vm.rosetta());
        networkAddress.set(vm.networkAddress());
        kubernetes.set(vm.kubernetes());
    }

    /** Checks every field; the VM as typed when all are valid and so is the rest of the form ({@code othersOk}). */
    Optional<VmSpec> validate(boolean othersOk) {
        profileError.set(check(() -> VmSpec.requireProfile(profile.get().strip())));
        cpusError.set(number("CPUs", cpus.get(), n -> VmSpec.defaults().withCpus(n)));
        memoryError.set(number("Memory", memory.get(), n -> VmSpec.defaults().withMemoryGiB(n)));
        diskError.set(number("Disk", disk.get(), n -> VmSpec.defaults().withDiskGiB(n)));
        boolean fieldsOk = othersOk && profileError.get().isEmpty() && cpusError.get().isEmpty() && memoryError.get().isEmpty()
                && diskError.get().isEmpty();
        Optional<VmSpec> spec = fieldsOk ? spec() : Optional.empty();
        List<String> next = spec.map(this::advice).orElse(List.of());
        if (!next.equals(warnings)) {
            warnings.setAll(next);
        }
        return spec;
    }

    static String check(Runnable rule) {
        try {
            rule.run();
            return "";
        } catch (UserError e) {
            return e.getMessage();
        }
    }

    /** A whole number, then the domain's own rule for it (its words, e.g. "cpus must be from 1 to 256, not 0"). */
    static String number(String what, String text, IntFunction<?> rule) {
        String value = text == null ? "" : text.strip();
        int n;
        try {
            n = Integer.parseInt(value);
        } catch (NumberFormatException e) {
            return value.isEmpty() ? what + " must be a whole number" : what + " must be a whole number, not '"
                    + value + "'";
        }
        return check(() -> rule.apply(n));
    }

    /** The VM as typed, when it is one. */
    Optional<VmSpec> spec() {
        try {
            return Optional.of(new VmSpec(profile.get().strip(), Integer.parseInt(cpus.get().strip()),
                    Integer.parseInt(memory.get().strip()), Integer.parseInt(disk.get().strip()), arch.get(),
                    vmType.get(), rosetta.get(), networkAddress.get(), kubernetes.get()));
        } catch (UserError | NumberFormatException | NullPointerException e) {
            return Optional.empty();
        }
    }

    /** The machine's warnings, and the options Colima is not given here (as StartArguments leaves them out). */
    private List<String> advice(VmSpec spec) {
        List<String> list = new ArrayList<>(VmAdvice.warnings(platform, spec));
        if (!platform.isMacOs()) {
            list.add("the VM type, Rosetta and the network address are macOS options: on " + platform.osName()
                    + " Colima is started without them");
        } else if (spec.rosetta() && !(platform.isAppleSilicon() && spec.vmType().equals("vz")
                && spec.arch().equals("aarch64"))) {
            list.add("Rosetta works only on an Apple Silicon Mac with VM type vz and arch aarch64: Colima is started "
                    + "without it");
        }
        return list;
    }

    // ---- properties ----------------------------------------------------------------------------------------------

    public StringProperty profileProperty() {
        return profile;
    }

    public StringProperty cpusProperty() {
        return cpus;
    }

    /** GiB, as typed. */
    public StringProperty memoryProperty() {
        return memory;
    }

    /** GiB, as typed. */
    public StringProperty diskProperty() {
        return disk;
    }

    public StringProperty archProperty() {
        return arch;
    }

    public StringProperty vmTypeProperty() {
        return vmType;
    }

    public BooleanProperty rosettaProperty() {
        return rosetta;
    }

    public BooleanProperty networkAddressProperty() {
        return networkAddress;
    }

    public BooleanProperty kubernetesProperty() {
        return kubernetes;
    }

    public ReadOnlyStringProperty profileErrorProperty() {
        return profileError.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty cpusErrorProperty() {
        return cpusError.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty memoryErrorProperty() {
        return memoryError.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty diskErrorProperty() {
        return diskError.getReadOnlyProperty();
    }

    /** Valid but doubtful choices for this machine (more CPUs than it has, Rosetta where it does not apply). */
    public ObservableList<String> warnings() {
        return readOnlyWarnings;
    }
}
