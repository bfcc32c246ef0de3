package dev.orion.samples;

import dev.orion.progress.Progress;
import dev.orion.progress.ProgressListener;
import java.io.PrintStream;
import java.util.Locale;
import java.util.Objects;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Shows ORION's {@link Progress} in a console: a progress bar (me.tongfei:progressbar, on stderr) when the program
 * runs on a terminal, otherwise (a pipe, a file, a test) plain lines, one per tenth of the work and one at the
 * end. A piece of work that completes closes its bar; the next one that starts opens a new bar.
 *
 * <pre>{@code
 * try (ConsoleProgress progress = ConsoleProgress.create("reading")) {
 *     BulkReadResult r = Structures.readAll(folder, progress);
 * }
 * }</pre>
 */
public final class ConsoleProgress implements ProgressListener, AutoCloseable {

    private final String task;
    private final PrintStream out;
    private final boolean terminal;
    private ProgressBar bar;
    private long nextLine;

    ConsoleProgress(String task, PrintStream out, boolean terminal) {
        this.task = Objects.requireNonNull(task, "task");
        this.out = Objects.requireNonNull(out, "out");
        this.terminal = terminal;
    }

    /**
     * @param task the name shown before the bar or at the start of each line
     * @return a bar on a terminal ({@link System#console()} present), plain lines on standard output otherwise
     */
    public static ConsoleProgress create(String task) {
        return create(task, System.out);
    }

    /**
     * @param task  the name shown before the bar or at the start of each line
     * @param lines where the plain lines go when not on a terminal (e.g. {@code System.err} when stdout carries data)
     * @return a bar on a terminal ({@link System#console()} present), plain lines on {@code lines} otherwise
     */
    public static ConsoleProgress create(String task, PrintStream lines) {
        return new ConsoleProgress(task, lines, System.console() != null);
    }

    @Override
    public synchronized void progressed(Progress p) {
        if (terminal) {
            if (bar == null) {
                bar = new ProgressBarBuilder().setTaskName(task).setInitialMax(p.total()).setStyle(ProgressBarStyle.ASCII)
                        .setUpdateIntervalMillis(200).build();
            }
            bar.maxHint(p.total());
            bar.stepTo(p.done());
            bar.setExtraMessage(p.label());
            if (p.isComplete()) {
                close();
            }
            return;
        }
        if (p.done() >= nextLine || p.isComplete()) {
            out.println(String.format(Locale.ROOT, "%s: %d/%d %s", task, p.done(), p.total(), p.label()));
            nextLine = p.isComplete() ? 0 : p.done() + Math.max(1, p.total() / 10);
        }
    }

    /** Closes the bar of unfinished work, if any. */
    @Override
    public synchronized void close() {
        if (bar != null) {
            bar.close();
            bar = null;
        }
    }
}
