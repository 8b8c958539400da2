package io.colimaservices.domain;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A group of services, named by the compose label {@code io.colima-services.group} (a service without one belongs
 * to {@link #APPS}). Any name will do: the stack's five groups come first, in their own order and with their own
 * icons ({@link #icon()}); any other group follows them alphabetically, with a generic icon.
 *
 * @param label the name, as written in the label and on the command line (lower case)
 */
public record ServiceGroup(String label) implements Comparable<ServiceGroup> {
    /** What a group name may look like: a target on the command line, an id in the menu (first: the constants use it). */
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9_.-]*");
    public static final ServiceGroup SECRETS = new ServiceGroup("secrets");
    public static final ServiceGroup DATA = new ServiceGroup("data");
    public static final ServiceGroup GIT = new ServiceGroup("git");
    public static final ServiceGroup APPS = new ServiceGroup("apps");
    public static final ServiceGroup OBSERVABILITY = new ServiceGroup("observability");
    /** The stack's groups, in the order every face lists them. */
    public static final List<ServiceGroup> KNOWN = List.of(SECRETS, DATA, GIT, APPS, OBSERVABILITY);

    /** The picture a face shows beside a group: the five known ones have their own, any other the generic one. */
    public enum Icon { SECRETS, DATA, GIT, APPS, OBSERVABILITY, GENERIC }

    public ServiceGroup {
        Objects.requireNonNull(label, "label");
        if (!NAME.matcher(label).matches()) {
            throw new IllegalArgumentException("not a group name: '" + label + "' (" + rule() + ")");
        }
    }

    /** The group a label names (trimmed, any case), or empty when the text is no valid group name. */
    public static Optional<ServiceGroup> fromLabel(String value) {
        if (value == null) {
            return Optional.empty();
        }
        String wanted = value.strip().toLowerCase(Locale.ROOT);
        return NAME.matcher(wanted).matches() ? Optional.of(new ServiceGroup(wanted)) : Optional.empty();
    }

    /** What a group name must be, for messages. */
    public static String rule() {
        return "letters, digits, '-', '_' and '.', starting with a letter or digit";
    }

    /** One of the stack's five groups. */
    public boolean isKnown() {
        return KNOWN.contains(this);
    }

    /** The name as a title: "Data", "Observability", "Frontend". */
    public String displayName() {
        return Character.toUpperCase(label.charAt(0)) + label.substring(1);
    }

    public Icon icon() {
        return switch (KNOWN.indexOf(this)) {
            case 0 -> Icon.SECRETS;
            case 1 -> Icon.DATA;
            case 2 -> Icon.GIT;
            case 3 -> Icon.APPS;
            case 4 -> Icon.OBSERVABILITY;
            default -> Icon.GENERIC;
        };
    }

    /** The five known groups in their order, then every other group alphabetically. */
    @Override
    public int compareTo(ServiceGroup other) {
        int mine = rank();
        int theirs = other.rank();
        return mine != theirs ? Integer.compare(mine, theirs) : label.compareTo(other.label);
    }

    private int rank() {
        int known = KNOWN.indexOf(this);
        return known >= 0 ? known : KNOWN.size();
    }

    @Override
    public String toString() {
        return label;
    }
}
