package dev.orion.jupyter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orion.progress.Progress;
import java.util.ArrayList;
import java.util.List;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.dflib.jjava.jupyter.kernel.display.mime.MIMEType;
import org.junit.jupiter.api.Test;

/** The notebook progress bar: shown once, then updated in place under the same display id, throttled, escaped. */
class NotebookProgressTest {

    @Test
    void showsOnceThenUpdatesTheSameDisplayAndAlwaysTheLastReport() {
        List<DisplayData> shown = new ArrayList<>();
        List<String> updatedIds = new ArrayList<>();
        List<DisplayData> updated = new ArrayList<>();
        NotebookProgress bar = new NotebookProgress(shown::add, (id, d) -> {
            updatedIds.add(id);
            updated.add(d);
        });
        bar.progressed(new Progress(0, 50, "campaign <x>"));
        for (int i = 1; i <= 50; i++) {
            bar.progressed(new Progress(i, 50, "campaign <x>"));
        }
        assertThat(shown).singleElement().satisfies(d -> assertThat(d.hasDisplayId()).isTrue());
        String id = shown.get(0).getDisplayId();
        assertThat(updatedIds).isNotEmpty().allMatch(id::equals);
        // reports within 100 ms of the last update are skipped, the final one never is
        assertThat(updated.size()).isLessThan(50);
        String last = (String) updated.get(updated.size() - 1).getData(MIMEType.TEXT_HTML);
        assertThat(last).contains("<progress value=\"50\" max=\"50\"", "50/50 (100%)", "campaign &lt;x&gt;")
                .doesNotContain("<x>");
        assertThat((String) updated.get(updated.size() - 1).getData(MIMEType.TEXT_PLAIN))
                .isEqualTo("campaign <x> 50/50 (100%)");
    }

    @Test
    void outsideAKernelTheBarSaysWhatIsMissing() {
        assertThatThrownBy(NotebookProgress::bar).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("%maven dev.orion:orion-jupyter");
    }
}
