package io.colimaservices.domain;

/**
 * Permission to delete a VM: only exists when the user typed the profile's name. Deleting removes every
 * container, image and volume in the VM, so a yes/no prompt (or a habit of {@code --force}) is not enough; the
 * only way to build one is {@link #confirm}.
 */
public final class VmDeletion {
    private final String profile;

    private VmDeletion(String profile) {
        this.profile = profile;
    }

    /** @throws UserError of kind CONFIGURATION when {@code typed} is not exactly the profile's name */
    public static VmDeletion confirm(String profile, String typed) {
        VmSpec.requireProfile(profile);
        String answer = typed == null ? "" : typed.strip();
        if (!answer.equals(profile)) {
            throw new UserError(UserError.Kind.CONFIGURATION,
                    "not deleting VM '" + profile + "': the confirmation typed was '" + answer
                            + "', not the profile's name",
                    "type the profile name exactly: " + profile);
        }
        return new VmDeletion(profile);
    }

    public String profile() {
        return profile;
    }
}
