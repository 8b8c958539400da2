package io.colimaservices.catalog;

/** The compose labels through which the stack tells the app what each service is (see docs/stack.md). */
public final class StackLabels {
    public static final String PREFIX = "io.colima-services.";
    public static final String GROUP = PREFIX + "group";
    public static final String WEB_UI = PREFIX + "web-ui";
    public static final String VAULT_PATH = PREFIX + "vault-path";
    public static final String TLS = PREFIX + "tls";
    public static final String TLS_PORTS = PREFIX + "tls-ports";
    public static final String CONNECTION = PREFIX + "connection";
    public static final String DESCRIPTION = PREFIX + "description";
    /** {@code "true"} on a job that runs once and exits; its exit code is its health. */
    public static final String ONE_SHOT = PREFIX + "one-shot";
    /** The service's own client for {@code shell SERVICE --client}: a command line run with {@code sh -c}. */
    public static final String CLIENT = io.colimaservices.domain.ServiceShell.CLIENT_LABEL;
    /** Why a service has no health check (documentation for the stack's validation). */
    public static final String NO_HEALTHCHECK = PREFIX + "no-healthcheck";

    private StackLabels() {
    }
}
