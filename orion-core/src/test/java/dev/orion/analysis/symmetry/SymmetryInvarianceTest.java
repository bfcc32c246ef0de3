package dev.orion.analysis.symmetry;

import dev.orion.symmetry.SymmetryDataset;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orion.structure.Structure;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Property tests over seeded random crystals of every space-group type: the group found does not
 * depend on the Cartesian frame, the origin, the order of the sites or the choice of cell; a
 * supercell keeps it; a displacement well below the tolerance keeps it and one well above breaks it.
 */
class SymmetryInvarianceTest {

    @Test
    void everyTypeIsFoundInItsDefaultSetting() {
        Random rnd = new Random(1);
        for (int number = 1; number <= 230; number++) {
            Structure s = GeneratedCrystals.of(number, rnd);
            SymmetryDataset d = Symmetry.of(s);
            assertThat(d.spaceGroupNumber()).as("type %d, %d sites", number, s.size()).isEqualTo(number);
            assertThat(d.hallNumber()).isEqualTo(SpaceGroups.byNumber(number).hallNumber());
        }
    }

    @Test
    void frameOriginOrderAndCellChoiceDoNotChangeTheGroup() {
        Random rnd = new Random(2);
        for (int number = 1; number <= 230; number++) {
            Structure s = GeneratedCrystals.of(number, rnd);
            Structure t = GeneratedCrystals.otherCell(
                    GeneratedCrystals.permuted(GeneratedCrystals.shifted(GeneratedCrystals.rotated(s, rnd), rnd), rnd), rnd);
            assertThat(Symmetry.of(t).spaceGroupNumber()).as("type %d transformed", number).isEqualTo(number);
        }
    }

    @Test
    void eachTransformationAloneKeepsTheGroup() {
        Random rnd = new Random(3);
        for (int number = 1; number <= 230; number += 7) {
            Structure s = GeneratedCrystals.of(number, rnd);
            assertThat(Symmetry.of(GeneratedCrystals.rotated(s, rnd)).spaceGroupNumber()).isEqualTo(number);
            assertThat(Symmetry.of(GeneratedCrystals.shifted(s, rnd)).spaceGroupNumber()).isEqualTo(number);
            assertThat(Symmetry.of(GeneratedCrystals.permuted(s, rnd)).spaceGroupNumber()).isEqualTo(number);
            assertThat(Symmetry.of(GeneratedCrystals.otherCell(s, rnd)).spaceGroupNumber()).isEqualTo(number);
        }
    }

    @Test
    void supercellKeepsTheGroupAndMultipliesTheOperations() {
        Random rnd = new Random(4);
        for (int number : new int[] {1, 2, 14, 62, 139, 166, 194, 221, 225, 227}) {
            Structure s = GeneratedCrystals.of(number, rnd);
            SymmetryDataset cell = Symmetry.of(s);
            SymmetryDataset sup = Symmetry.of(s.supercell(2, 1, 1));
            assertThat(sup.spaceGroupNumber()).as("type %d", number).isEqualTo(number);
            assertThat(sup.primitive().size()).isEqualTo(cell.primitive().size());
            // the supercell keeps at most the operations of its lattice, each twice (two pure translations)
            assertThat(sup.operations().size() % 2).isZero();
        }
    }

    @Test
    void displacementBelowToleranceKeepsAndAboveBreaksTheGroup() {
        Random rnd = new Random(5);
        for (int number = 2; number <= 230; number += 9) {
            Structure s = GeneratedCrystals.of(number, rnd);
            assertThat(Symmetry.of(GeneratedCrystals.displaced(s, 1e-4, rnd), 1e-2).spaceGroupNumber())
                    .as("type %d, 1e-4 Å displacement at symprec 1e-2", number).isEqualTo(number);
            assertThat(Symmetry.of(GeneratedCrystals.displaced(s, 0.1, rnd), 1e-3).spaceGroupNumber())
                    .as("type %d, 0.1 Å displacement at symprec 1e-3", number).isNotEqualTo(number);
        }
    }
}
