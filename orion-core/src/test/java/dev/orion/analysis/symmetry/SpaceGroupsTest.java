package dev.orion.analysis.symmetry;

import dev.orion.symmetry.CrystalSystem;
import dev.orion.symmetry.SpaceGroupType;
import dev.orion.symmetry.SymmetryOperation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SpaceGroupsTest {

    @Test
    void tableHas530SettingsOfThe230TypesInOrder() {
        List<SpaceGroupType> all = SpaceGroups.all();
        assertThat(all).hasSize(530);
        Set<Integer> numbers = new HashSet<>();
        for (int i = 0; i < all.size(); i++) {
            assertThat(all.get(i).hallNumber()).isEqualTo(i + 1);
            if (i > 0) {
                assertThat(all.get(i).number()).isGreaterThanOrEqualTo(all.get(i - 1).number());
            }
            numbers.add(all.get(i).number());
        }
        assertThat(numbers).hasSize(230);
        assertThat(SpaceGroups.settings(14)).extracting(SpaceGroupType::hallNumber)
                .containsExactly(81, 82, 83, 84, 85, 86, 87, 88, 89);
        assertThat(SpaceGroups.settings(230)).hasSize(1);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "1|1|P 1|P1||TRICLINIC|1",
        "14|81|-P 2ybc|P2_1/c|b1|MONOCLINIC|2/m",
        "62|292|-P 2ac 2n|Pnma||ORTHORHOMBIC|mmm",
        "166|458|-R 3 2\"|R-3m|H|TRIGONAL|-3m",
        "194|488|-P 6c 2c|P6_3/mmc||HEXAGONAL|6/mmm",
        "225|523|-F 4 2 3|Fm-3m||CUBIC|m-3m",
        "227|525|F 4d 2 3 -1d|Fd-3m|1|CUBIC|m-3m"})
    void byNumberGivesSpglibsDefaultSetting(int number, int hall, String hallSymbol, String shortSymbol,
                                            String choice, CrystalSystem system, String pointGroup) {
        SpaceGroupType type = SpaceGroups.byNumber(number);
        assertThat(type.hallNumber()).isEqualTo(hall);
        assertThat(type.hallSymbol()).isEqualTo(hallSymbol);
        assertThat(type.international()).isEqualTo(shortSymbol);
        assertThat(type.choice()).isEqualTo(choice == null ? "" : choice);
        assertThat(type.crystalSystem()).isEqualTo(system);
        assertThat(type.pointGroup()).isEqualTo(pointGroup);
        assertThat(SpaceGroups.byHallNumber(hall)).isEqualTo(type);
    }

    @Test
    void numbersOutOfRangeAreRejected() {
        assertThatThrownBy(() -> SpaceGroups.byNumber(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("number").hasMessageContaining("0");
        assertThatThrownBy(() -> SpaceGroups.byNumber(231)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SpaceGroups.byHallNumber(531)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("531");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "P 21/c|81", "P 1 21/c 1|81", "P2_1/c|81", "p21/c|81", "P 1 21/n 1|82", "P 21/n|82", "P 21/a|83",
        "P 1 1 21/b|86", "P 21/b|86", "P 1 21/c 1 :b1|81", "P 1 21/c 1:1|81", "P 21/c 1 1|89",
        "Fm-3m|523", "F m -3 m|523", "FM-3M|523", "F 4/m -3 2/m|523", "Fm3m|523",
        "R -3 m :H|458", "R -3 m H|458", "R-3m|458", "R -3 m :R|459", "R -3 m R|459", "R-3m:r|459", "H -3 m|458",
        "P n m a|292", "Pnma|292", "P b n m|294", "P 21/n 21/m 21/a|292", "Pbnm|294",
        "C 1 2/c 1|90", "C2/c|90", "'P 1 21/n 1'|82", "C 1 2/c 1:b1|90", "I 1 2/a 1|92",
        "Fd-3m|525", "Fd-3m:1|525", "Fd-3m:2|526", "F d -3 m :2|526", "Fd3m|525", "Fd-3m :2|526",
        "P 4/n m m :2|409", "P4/nmm|408", "P4/nmm:1|408", "I 41/a m d :2|427", "I4_1/amd|426", "Ia-3d|530",
        "P -3 m 1|456", "P 63/m m c|488", "P6_3/mmc|488", "A m m 2|185", "Amm2|185", "Pm|18", "P 1 m 1|18",
        "P -1|2", "P1|1", "R 3 2|444", "H 3 2|444", "R32:R|445", "R 3|433", "R 3 :R|434",
        "Cmce|304", "Cmca|304", "C m c a|304", "C m c b|304", "Bbcm|308", "Ccca|322", "Ccce:2|323",
        "P n n n :2|229", "Pnnn|228", "P 31 1 2|440", "P3_112|440", "P 61 2 2|472"})
    void byHermannMauguinAcceptsCommonSpellings(String symbol, int hall) {
        assertThat(SpaceGroups.byHermannMauguin(symbol)).map(SpaceGroupType::hallNumber).hasValue(hall);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "P 21 21 21|19", "P212121|19", "P 2_1 2_1 2_1|19", "I 4/m m m|139", "P 42/m n m|136", "P 63 m c|186",
        "P -4 21 m|113", "I -4 2 d|122", "F -4 3 m|216", "P m -3 m|221", "P 4 3 2|207", "P 41 3 2|213",
        "I a -3|206", "Ia3|206", "P a -3|205", "F d d 2|43", "A b a 2|41", "A e a 2|41", "C m m a|67",
        "C m m e|67", "P 6/m m m|191", "P -6 2 m|189", "P 31 2 1|152", "P 32 2 1|154", "R 3 c|161",
        "R -3 c :H|167", "P 1 21 1|4", "C 1 m 1|8", "C 1 c 1|9", "P 1 2/m 1|10", "P 1 21/m 1|11", "C 1 2/m 1|12"})
    void byHermannMauguinFindsTheRightType(String symbol, int number) {
        assertThat(SpaceGroups.byHermannMauguin(symbol)).map(SpaceGroupType::number).hasValue(number);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  ", "X 1", "P 5", "Fm-3m:3", "P 21/c :H", "Pnma:2", "P 2 2 2 2"})
    void unknownSymbolsAreEmpty(String symbol) {
        assertThat(SpaceGroups.byHermannMauguin(symbol)).isEmpty();
    }

    @Test
    void everySettingIsFoundByItsOwnSymbols() {
        for (SpaceGroupType type : SpaceGroups.all()) {
            assertThat(SpaceGroups.byHermannMauguin(type.international())).get()
                    .extracting(SpaceGroupType::number).isEqualTo(type.number());
            SpaceGroupType byFull = SpaceGroups.byHermannMauguin(type.internationalFull() + suffix(type)).orElseThrow();
            assertThat(SpaceGroups.operations(byFull)).as(type.internationalFull())
                    .containsExactlyInAnyOrderElementsOf(SpaceGroups.operations(type));
        }
    }

    private static String suffix(SpaceGroupType type) {
        return type.choice().isEmpty() ? "" : ":" + type.choice();
    }

    @Test
    void noHermannMauguinKeyNamesTwoTypes() {
        HermannMauguinIndex index = new HermannMauguinIndex(SpaceGroupTable.get());
        assertThat(index.ambiguousKeys()).isEmpty();
        assertThat(index.keys()).hasSizeGreaterThan(1000);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "-P 2ybc|81", "-P  2ybc|81", " -P 2ybc |81", "-F 4vw 2vw 3|526", "P 31 2c (0 0 1)|440",
        "P 31 2c  ( 0 0 1 )|440", "-R 3 2\"|458", "-R 3 2''|458", "-P 1|2",
        // equivalent symbols, not as tabulated: same operations
        "P 2y 2|108", "-P 2ac 2n -1|292", "P 1 -1|2"})
    void byHallSymbolFindsTabulatedAndEquivalentSymbols(String symbol, int hall) {
        assertThat(SpaceGroups.byHallSymbol(symbol)).map(SpaceGroupType::hallNumber).hasValue(hall);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "P 7", "Q 2", "P 2 (0 0"})
    void malformedHallSymbolsAreEmpty(String symbol) {
        assertThat(SpaceGroups.byHallSymbol(symbol)).isEmpty();
    }

    @Test
    void everyHallSymbolOfTheTableFindsItsSetting() {
        // spglib's table writes three pairs of Ccca (No. 68) settings with one Hall symbol each
        // (322/324, 326/328, 330/332); the symbol finds the first of the pair, whose operations
        // are the same
        int found = 0;
        for (SpaceGroupType type : SpaceGroups.all()) {
            SpaceGroupType byHall = SpaceGroups.byHallSymbol(type.hallSymbol()).orElseThrow();
            assertThat(byHall.hallSymbol()).isEqualTo(type.hallSymbol());
            assertThat(SpaceGroups.operations(byHall)).containsExactlyElementsOf(SpaceGroups.operations(type));
            found += byHall.equals(type) ? 1 : 0;
        }
        assertThat(found).isEqualTo(527);
    }

    @Test
    void byOperationsRoundTripsEverySettingInAnyOrderAndShiftedByLatticeVectors() {
        Random random = new Random(530L);
        // Ccca (No. 68): settings 322/324, 326/328 and 330/332 have equal operation sets
        Map<Integer, Integer> sameOperations = Map.of(324, 322, 328, 326, 332, 330);
        for (SpaceGroupType type : SpaceGroups.all()) {
            List<SymmetryOperation> ops = new ArrayList<>();
            for (SymmetryOperation op : SpaceGroups.operations(type)) {
                double[] t = op.translation();
                t[random.nextInt(3)] += random.nextInt(5) - 2;
                ops.add(SymmetryOperation.of(op.rotation(), t));
            }
            Collections.shuffle(ops, random);
            int expected = sameOperations.getOrDefault(type.hallNumber(), type.hallNumber());
            assertThat(SpaceGroups.byOperations(ops)).map(SpaceGroupType::hallNumber).hasValue(expected);
        }
    }

    @Test
    void byOperationsNeedsTheCompleteSet() {
        List<SymmetryOperation> ops = new ArrayList<>(SpaceGroups.operations(SpaceGroups.byNumber(225)));
        ops.remove(ops.size() - 1);
        assertThat(SpaceGroups.byOperations(ops)).isEmpty();
        assertThat(SpaceGroups.byOperations(List.of(SymmetryOperation.parse("x,y,z"), SymmetryOperation.parse("-x,-y,-z"),
                SymmetryOperation.parse("-x,-y,-z"))))
                .map(SpaceGroupType::number).hasValue(2);
        assertThat(SpaceGroups.byOperations(List.of(SymmetryOperation.parse("x,y,z+0.1")))).isEmpty();
    }

    @Test
    void operationsRejectsATypeThatIsNotInTheTable() {
        SpaceGroupType p1 = SpaceGroups.byNumber(1);
        SpaceGroupType forged = new SpaceGroupType(1, 1, "P 1", "P1", "P 1", "x", CrystalSystem.TRICLINIC, "1", "C1^1");
        assertThat(SpaceGroups.operations(p1)).containsExactly(SymmetryOperation.IDENTITY);
        assertThatThrownBy(() -> SpaceGroups.operations(forged)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a setting");
    }

    @Test
    void displaySymbolsCarryOriginAndAxesChoices() {
        assertThat(SpaceGroups.byHallNumber(526).internationalWithChoice()).isEqualTo("Fd-3m:2");
        assertThat(SpaceGroups.byHallNumber(459).internationalWithChoice()).isEqualTo("R-3m:R");
        assertThat(SpaceGroups.byHallNumber(81).internationalWithChoice()).isEqualTo("P2_1/c");
    }
}
