package io.colimaservices.domain;

/** Looks at the Colima profile's Docker socket and at what Docker clients are pointed at. */
public interface DockerSocketCheck {
    /** Never throws; every deadline is short (a second or two), so it can run on every refresh. */
    SocketDiagnosis diagnose(VmState vm);
}
