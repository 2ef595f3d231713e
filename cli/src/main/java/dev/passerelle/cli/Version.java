package dev.passerelle.cli;

import java.util.Optional;
import picocli.CommandLine.IVersionProvider;

/** The version the jar's manifest carries. */
final class Version implements IVersionProvider {

    @Override
    public String[] getVersion() {
        return new String[] {"passerelle " + Optional.ofNullable(Main.class.getPackage().getImplementationVersion()).orElse("dev")};
    }
}
