package dev.orion.store.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orion.store.StructureRecord;
import dev.orion.store.contract.TestStructures;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.junit.jupiter.api.Test;

class StructureEditTest {

    private static final Instant CREATED = Instant.parse("2026-11-21T08:00:00Z");
    private static final Instant NOW = Instant.parse("2026-11-21T09:00:00Z");

    private static StructureRecord stored() {
        return new StructureRecord("s1", Optional.empty(), "Cu", TestStructures.cu(), OptionalInt.of(225), Map.of("source", "icsd"),
                Set.of("fcc", "metal"), Map.of("band_gap", 0.0), CREATED, CREATED, 3);
    }

    @Test
    void anEditChangesOnlyItsPartAndStampsTheNextVersion() {
        StructureRecord r = StructureEdit.retag(Set.of("conductor"), Set.of("fcc")).applyTo(stored(), NOW);
        assertThat(r.tags()).containsExactlyInAnyOrder("metal", "conductor");
        assertThat(r.metadata()).isEqualTo(stored().metadata());
        assertThat(r.properties()).isEqualTo(stored().properties());
        assertThat(r.createdAt()).isEqualTo(CREATED);
        assertThat(r.updatedAt()).isEqualTo(NOW);
        assertThat(r.version()).isEqualTo(4);
        assertThat(r.structure()).isEqualTo(TestStructures.cu());
        assertThat(r.spaceGroup()).hasValue(225);

        StructureRecord p = StructureEdit.putProperties(Map.of("band_gap", 1.5, "e_form", -0.2)).applyTo(stored(), NOW);
        assertThat(p.properties()).isEqualTo(Map.of("band_gap", 1.5, "e_form", -0.2));
        assertThat(p.tags()).isEqualTo(stored().tags());

        StructureRecord m = StructureEdit.putMetadata(Map.of("doi", "10.1/x")).applyTo(stored(), NOW);
        assertThat(m.metadata()).isEqualTo(Map.of("source", "icsd", "doi", "10.1/x"));
    }

    @Test
    void anEditNamesItsAuditActionAndDetails() {
        StructureEdit e = StructureEdit.retag(Set.of("b", "a"), Set.of());
        assertThat(e.action()).isEqualTo("retag");
        assertThat(e.details()).isEqualTo(Map.of("add", "a,b", "remove", ""));
        assertThat(StructureEdit.putProperties(Map.of("y", 1.0, "x", 2.0)).details()).isEqualTo(Map.of("properties", "x,y"));
        assertThat(StructureEdit.putMetadata(Map.of("k", "v")).action()).isEqualTo("update");
    }

    @Test
    void badArgumentsAreRefusedWhenTheEditIsMade() {
        assertThatThrownBy(() -> StructureEdit.putProperties(Map.of("gap", Double.NaN)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("gap");
        assertThatThrownBy(() -> StructureEdit.retag(Set.of(" "), Set.of())).isInstanceOf(IllegalArgumentException.class);
    }
}
