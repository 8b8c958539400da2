package io.colimaservices.cli;

import io.colimaservices.app.SnapshotRenderer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "snapshot", description = "Renders the dashboard, the log viewer and the menu against the live "
        + "engine into PNG files, headless (for the screenshots in docs/).")
final class SnapshotCommand implements Callable<Integer> {
    @ParentCommand
    CliRoot root;

    @Spec
    CommandSpec spec;

    @Option(names = "--out", paramLabel = "DIR", required = true, description = "Where the PNG files go.")
    Path out;

    @Option(names = "--dark", description = "Render in the dark appearance (file names end in -dark).")
    boolean dark;

    @Option(names = "--page", paramLabel = "ID", description = "Render only this page (setup, vault, ...; "
            + "repeatable) as ID[-SUFFIX].png: a page in one of its states.")
    List<String> pages;

    @Option(names = "--suffix", paramLabel = "NAME", description = "With --page: appended to the file names "
            + "(setup-fresh.png), so each state of a page keeps its own picture.")
    String suffix;

    @Override
    public Integer call() throws Exception {
        SnapshotRenderer.startHeadless();
        SnapshotRenderer renderer = new SnapshotRenderer(root.context(), dark);
        List<Path> files = pages == null || pages.isEmpty() ? renderer.render(out)
                : renderer.renderPages(out, pages, java.util.Optional.ofNullable(suffix));
        files.forEach(f -> spec.commandLine().getOut().println("wrote " + f));
        return ExitCodes.OK;
    }
}
