package io.colimaservices.domain;

/**
 * The one-glance state of the whole stack, as the menu-bar icon shows it. Ordered by what the user must hear
 * about first: an unreachable engine hides everything else; a sealed Vault blocks every credential.
 */
public enum StackHealth {
    VM_STOPPED,
    DOCKER_UNREACHABLE,
    BUSY,
    VAULT_SEALED,
    DEGRADED,
    HEALTHY,
    /** Docker answers but nothing of the stack runs. */
    IDLE
}
