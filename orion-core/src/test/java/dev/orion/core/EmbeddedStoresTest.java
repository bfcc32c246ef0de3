package dev.orion.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orion.store.OrionStores;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded store's folder is a path, never a piece of the JDBC URL. */
class EmbeddedStoresTest {

    @TempDir
    Path root;

    @Test
    void aFolderNameCarryingUrlSettingsIsRefusedBeforeAnythingRuns() {
        Path marker = root.resolve("pwned");
        Path hostile = root.resolve("data;INIT=SCRIPT TO '" + marker + "'");
        assertThatThrownBy(() -> Stores.embedded(hostile)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("folder").hasMessageContaining(";");
        assertThat(hostile).doesNotExist();
        assertThat(marker).doesNotExist();
    }

    @Test
    void anOrdinaryFolderWithSpacesOpens() throws Exception {
        Path folder = root.resolve("my data" + File.separator + "orion store");
        try (OrionStores stores = Stores.embedded(folder)) {
            assertThat(stores).isNotNull();
        }
        assertThat(Files.exists(folder.resolve("orion.mv.db"))).isTrue();
    }
}
