package dev.orion.jupyter;

import dev.orion.progress.Progress;
import dev.orion.progress.ProgressListener;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.dflib.jjava.jupyter.kernel.BaseKernel;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;

/**
 * A progress bar in a notebook cell that updates in place: give it to anything that reports
 * {@link Progress} (a campaign through {@code CampaignProgress.to(bar, budget)}, a batch of jobs through
 * {@code JobService.awaitAll}, a bulk read through {@code Structures.readAll}). The first report shows
 * the bar under the running cell; later ones replace it (a Jupyter display update with the same display
 * id), at most every {@value #MIN_INTERVAL_MS} ms and always for the last one.
 *
 * <pre>{@code
 * %maven dev.orion:orion-jupyter:VERSION
 * ProgressListener bar = NotebookProgress.bar();
 * CampaignRunner.builder(demo)....listener(CampaignProgress.to(bar, 20)).build().run();
 * }</pre>
 */
public final class NotebookProgress implements ProgressListener {

    /** The shortest time between two updates of the bar, ms. */
    public static final long MIN_INTERVAL_MS = 100;

    private static volatile BaseKernel kernel;

    private final String id = "orion-progress-" + UUID.randomUUID();
    private final Consumer<DisplayData> show;
    private final BiConsumer<String, DisplayData> update;
    private boolean shown;
    private long lastUpdate;

    NotebookProgress(Consumer<DisplayData> show, BiConsumer<String, DisplayData> update) {
        this.show = show;
        this.update = update;
    }

    /** Remembers the kernel the extension was installed in, for {@link #bar()}. */
    static void attach(BaseKernel k) {
        kernel = Objects.requireNonNull(k, "kernel");
    }

    /**
     * @return a bar that shows under the cell running when it first reports
     * @throws IllegalStateException outside a JJava kernel with ORION's extension installed
     */
    public static NotebookProgress bar() {
        BaseKernel k = kernel;
        if (k == null) {
            throw new IllegalStateException("no notebook kernel: NotebookProgress needs a JJava kernel that loaded "
                    + "orion-jupyter (%maven dev.orion:orion-jupyter:VERSION)");
        }
        return new NotebookProgress(k::display, (id, data) -> k.getIO().display.updateDisplay(id, data));
    }

    @Override
    public synchronized void progressed(Progress p) {
        long now = System.nanoTime() / 1_000_000;
        if (shown && !p.isComplete() && now - lastUpdate < MIN_INTERVAL_MS) {
            return;
        }
        DisplayData data = render(p);
        data.setDisplayId(id);
        if (shown) {
            update.accept(id, data);
        } else {
            show.accept(data);
            shown = true;
        }
        lastUpdate = now;
    }

    /** @return the bar as HTML (a {@code <progress>} element and the counts) with a plain-text fallback */
    static DisplayData render(Progress p) {
        String percent = String.format(Locale.ROOT, "%.0f%%", 100 * p.fraction());
        String counts = p.done() + "/" + p.total();
        DisplayData data = new DisplayData(p.label() + " " + counts + " (" + percent + ")");
        data.putHTML("<div class=\"orion-progress\"><progress value=\"" + p.done() + "\" max=\"" + Math.max(1, p.total())
                + "\" style=\"width:20em\"></progress> <span>" + Html.escape(counts) + " (" + percent + ") "
                + Html.escape(p.label()) + "</span></div>");
        return data;
    }
}
