package io.colimaservices.domain.backup;

import io.colimaservices.domain.UserError;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The volume mode's archive: the service's volumes mounted in a helper at {@value #ROOT}{@code /<compose name>}, and
 * a tar of those folders (numeric owners, so a helper's user names cannot change them).
 */
final class VolumeArchive {
    static final String ROOT = "/colima-backup";

    private VolumeArchive() {
    }

    /**
     * The engine volumes behind the plan's compose names, as the container mounts them.
     *
     * @throws UserError when the container does not mount one of them
     */
    static Map<String, String> volumes(ServicePlan plan, BackupEngine.Container container, String project) {
        Map<String, String> byComposeName = new LinkedHashMap<>();
        for (String name : plan.volumes()) {
            String volume = container.mounts().stream().filter(BackupEngine.Mount::isVolume)
                    .filter(m -> m.composeName().map(name::equals).orElse(false)
                            || m.volume().get().equals(name) || m.volume().get().equals(project + "_" + name))
                    .map(m -> m.volume().get()).findFirst()
                    .orElseThrow(() -> new UserError(UserError.Kind.CONFIGURATION, "service " + plan.service()
                            + " does not mount the volume " + name + " named in " + BackupLabels.VOLUMES));
            byComposeName.put(name, volume);
        }
        return byComposeName;
    }

    /** Volume -> path in the helper. */
    static Map<String, String> mountPoints(Map<String, String> byComposeName) {
        Map<String, String> at = new LinkedHashMap<>();
        byComposeName.forEach((name, volume) -> at.put(volume, ROOT + "/" + name));
        return at;
    }

    static String createCommand(List<String> names) {
        return "cd " + ROOT + " && exec tar --numeric-owner -cf - " + String.join(" ", names);
    }

    /** Empties each volume (hidden files too), then unpacks the archive over them. */
    static String extractCommand(List<String> names) {
        StringBuilder command = new StringBuilder("set -e; ");
        for (String name : names) {
            command.append("cd ").append(ROOT).append('/').append(name)
                    .append(" && rm -rf -- ./* ./.[!.]* ./..?*; ");
        }
        return command.append("cd ").append(ROOT).append(" && exec tar --numeric-owner -xf -").toString();
    }
}
