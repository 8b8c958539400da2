package io.colimaservices.domain.backup;

import java.util.List;

/** Asks the user before a restore replaces data (a terminal's question, a dialog, or {@code --yes}). */
@FunctionalInterface
public interface RestoreConfirmation {
    RestoreConfirmation YES = (services, warnings) -> true;

    /**
     * @param services the services whose data will be replaced
     * @param warnings what differs since the backup (definition, image), each naming the service; shown clearly
     * @return true to go on
     */
    boolean proceed(List<String> services, List<String> warnings);
}
