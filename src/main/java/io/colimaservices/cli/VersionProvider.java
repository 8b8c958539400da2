package io.colimaservices.cli;

import picocli.CommandLine.IVersionProvider;

/** The version written into the jar's manifest by the build. */
final class VersionProvider implements IVersionProvider {
    @Override
    public String[] getVersion() {
        String version = CliRoot.class.getPackage().getImplementationVersion();
        return new String[] {"colima-services " + (version == null ? "(development build)" : version)};
    }
}
