package io.solvent.app.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code solvent feed ...}: commands on price feeds. */
@Command(name = "feed",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Commands on recorded price feeds.",
        subcommands = {FeedInspectCommand.class})
public final class FeedCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
