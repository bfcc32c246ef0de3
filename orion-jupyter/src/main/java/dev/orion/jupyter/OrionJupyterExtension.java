package dev.orion.jupyter;

import dev.orion.analysis.neighbors.NeighborList;
import dev.orion.store.CampaignRecord;
import dev.orion.store.JobRecord;
import dev.orion.store.LlmCallRecord;
import dev.orion.store.Page;
import dev.orion.structure.Composition;
import dev.orion.structure.Structure;
import dev.orion.symmetry.SymmetryDataset;
import java.util.Objects;
import java.util.function.Function;
import org.dflib.jjava.jupyter.Extension;
import org.dflib.jjava.jupyter.kernel.BaseKernel;
import org.dflib.jjava.jupyter.kernel.display.RenderContext;
import org.dflib.jjava.jupyter.kernel.display.Renderer;
import org.dflib.jjava.jupyter.kernel.display.mime.MIMEType;
import org.knowm.xchart.internal.chartpart.Chart;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rich display of ORION objects in a JJava notebook: the last expression of a cell (or
 * {@code display(x)}) that is a {@link Structure}, {@link Composition}, {@link SymmetryDataset},
 * {@link NeighborList}, {@link JobRecord}, {@link CampaignRecord}, {@link LlmCallRecord}, a {@link Page}
 * of records, or any XChart chart shows as an HTML table or an image instead of its {@code toString()}.
 *
 * <p>JJava finds this class by itself: the jar lists it in
 * {@code META-INF/services/org.dflib.jjava.jupyter.Extension}, and the kernel installs every extension
 * on its class path, including jars added with {@code %maven dev.orion:orion-jupyter:VERSION}. What is
 * drawn:
 * <ul>
 *   <li>a structure: {@code text/html} tables of its lattice and sites (the first 50) beside a static
 *       projection of the cell (PNG inlined as a {@code data:} URI, drawn offline, no CDN);</li>
 *   <li>compositions, symmetry datasets, neighbour lists and records: {@code text/html} tables;</li>
 *   <li>an XChart chart ({@code XYChart}, {@code CategoryChart}, ...): {@code image/svg+xml} and
 *       {@code image/png};</li>
 *   <li>every object also keeps a {@code text/plain} form for consoles and plain-text exports.</li>
 * </ul>
 * All text taken from the data is HTML-escaped, so a hostile structure property or site label cannot
 * inject markup into the notebook. Installing the extension also makes {@link NotebookProgress#bar()}
 * available: a progress bar that updates in place under the running cell.
 */
public final class OrionJupyterExtension implements Extension {

    private static final Logger LOG = LoggerFactory.getLogger(OrionJupyterExtension.class);

    /** Creates the extension; JJava does this through {@link java.util.ServiceLoader}. */
    public OrionJupyterExtension() {
    }

    /**
     * Registers ORION's renderers with the kernel's renderer.
     *
     * @param kernel the running kernel
     */
    @Override
    public void install(BaseKernel kernel) {
        registerAll(kernel.getRenderer());
        NotebookProgress.attach(kernel);
        LOG.debug("ORION display renderers installed in kernel {}", kernel.getName());
    }

    /**
     * Registers ORION's renderers with a renderer, for a host that builds its own kernel (as JJava's
     * {@code Image.registerAll} does for images).
     *
     * @param renderer the renderer to add ORION's render functions to
     * @throws NullPointerException if {@code renderer} is null
     */
    public static void registerAll(Renderer renderer) {
        Objects.requireNonNull(renderer, "renderer");
        html(renderer, Structure.class, StructureHtml::structure);
        html(renderer, Composition.class, StructureHtml::composition);
        html(renderer, SymmetryDataset.class, StructureHtml::symmetry);
        html(renderer, NeighborList.class, StructureHtml::neighbors);
        html(renderer, JobRecord.class, RecordHtml::job);
        html(renderer, CampaignRecord.class, RecordHtml::campaign);
        html(renderer, LlmCallRecord.class, RecordHtml::llmCall);
        html(renderer, Page.class, RecordHtml::page);
        registerCharts(renderer);
    }

    private static <T> void html(Renderer renderer, Class<T> type, Function<? super T, String> html) {
        renderer.createRegistration(type).preferring(MIMEType.TEXT_HTML).supporting(MIMEType.TEXT_PLAIN)
                .register((T value, RenderContext context) -> {
                    context.renderIfRequested(MIMEType.TEXT_HTML, () -> html.apply(value));
                    context.renderIfRequested(MIMEType.TEXT_PLAIN, () -> String.valueOf(value));
                });
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static void registerCharts(Renderer renderer) {
        renderer.createRegistration((Class<Chart>) (Class) Chart.class)
                .preferring(MIMEType.IMAGE_SVG, MIMEType.IMAGE_PNG).supporting(MIMEType.TEXT_PLAIN)
                .register((Chart chart, RenderContext context) -> {
                    context.renderIfRequested(MIMEType.IMAGE_SVG, () -> ChartImages.svg(chart));
                    context.renderIfRequested(MIMEType.IMAGE_PNG, () -> ChartImages.pngBase64(chart));
                    context.renderIfRequested(MIMEType.TEXT_PLAIN, () -> chart.getClass().getSimpleName() + " '"
                            + chart.getTitle() + "' (" + chart.getSeriesMap().size() + " series)");
                });
    }
}
