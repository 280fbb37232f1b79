package dev.benchrun.cli;

import dev.benchrun.host.EnvironmentProbe;
import picocli.CommandLine.IVersionProvider;

/** {@code --version} on every command: benchrun's version from the jar's manifest, and the JVM's. */
final class Version implements IVersionProvider {

    @Override
    public String[] getVersion() {
        return new String[] {
            "benchrun " + EnvironmentProbe.VERSION, "JVM: ${java.version} (${java.vendor} ${java.vm.name})"
        };
    }
}
