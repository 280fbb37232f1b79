package dev.benchrun.cli;

import dev.benchrun.host.EnvironmentProbe;
import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/**
 * {@code --version} on every command: benchrun's version from the jar's manifest, the commit a
 * release build was made from ({@code build.properties}, written by {@code mvn -Prelease}), and
 * the JVM's.
 */
final class Version implements IVersionProvider {

    @Override
    public String[] getVersion() {
        return new String[] {
            "benchrun " + EnvironmentProbe.VERSION + commit(), "JVM: ${java.version} (${java.vendor} ${java.vm.name})"
        };
    }

    /** " (commit 1df10c3…)", with " dirty" where the tree had changes; empty for a build that did not record it. */
    static String commit() {
        try (InputStream in = Version.class.getResourceAsStream("build.properties")) {
            if (in == null) {
                return "";
            }
            var build = new Properties();
            build.load(in);
            String id = build.getProperty("git.commit.id");
            if (id == null || id.isBlank()) {
                return "";
            }
            return " (commit " + id + ("true".equals(build.getProperty("git.dirty")) ? ", dirty" : "") + ")";
        } catch (IOException e) {
            return "";
        }
    }
}
