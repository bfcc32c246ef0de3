package dev.orion.analysis.symmetry;

import dev.orion.symmetry.SpaceGroupType;
import dev.orion.symmetry.SymmetryOperation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class HallSymbolParserTest {

    @Test
    void everyHallSettingGeneratesExactlySpglibsOperations() {
        List<List<String>> reference = SpglibReference.operations();
        assertThat(reference).hasSize(530);
        List<String> mismatches = new ArrayList<>();
        for (SpaceGroupType type : SpaceGroups.all()) {
            Set<SymmetryOperation> expected = new HashSet<>();
            for (String xyz : reference.get(type.hallNumber() - 1)) {
                expected.add(SymmetryOperation.parse(xyz));
            }
            List<SymmetryOperation> generated = HallSymbolParser.operations(type.hallSymbol());
            if (!new HashSet<>(generated).equals(expected) || generated.size() != expected.size()) {
                mismatches.add(type.hallNumber() + " " + type.hallSymbol() + ": generated " + generated.size()
                        + ", spglib " + expected.size());
            }
        }
        assertThat(mismatches).isEmpty();
    }

    @Test
    void generatedGroupsAreClosedHaveIdentityFirstAndInverses() {
        for (SpaceGroupType type : SpaceGroups.all()) {
            List<SymmetryOperation> ops = SpaceGroups.operations(type);
            Set<SymmetryOperation> set = new HashSet<>(ops);
            assertThat(set).as("no duplicates in %s", type.hallSymbol()).hasSize(ops.size());
            assertThat(ops.get(0)).isEqualTo(SymmetryOperation.IDENTITY);
            for (SymmetryOperation a : ops) {
                assertThat(set).contains(a.inverse());
                for (SymmetryOperation b : ops) {
                    if (!set.contains(a.compose(b))) {
                        throw new AssertionError(type.hallSymbol() + " not closed: " + a + " * " + b);
                    }
                }
            }
        }
    }

    @Test
    void groupOrderIsPointGroupOrderTimesCentringMultiplicity() {
        for (SpaceGroupType type : SpaceGroups.all()) {
            int centring = switch (type.hallSymbol().replace("-", "").charAt(0)) {
                case 'P' -> 1;
                case 'A', 'B', 'C', 'I' -> 2;
                case 'R', 'S', 'T' -> 3;
                case 'F' -> 4;
                default -> throw new AssertionError(type.hallSymbol());
            };
            assertThat(SpaceGroups.operations(type))
                    .as(type.hallSymbol())
                    .hasSize(pointGroupOrder(type.pointGroup()) * centring);
        }
    }

    private static int pointGroupOrder(String pointGroup) {
        return switch (pointGroup) {
            case "1" -> 1;
            case "-1", "2", "m" -> 2;
            case "3" -> 3;
            case "2/m", "222", "mm2", "4", "-4" -> 4;
            case "-3", "32", "3m", "6", "-6" -> 6;
            case "mmm", "4/m", "422", "4mm", "-42m" -> 8;
            case "-3m", "6/m", "622", "6mm", "-6m2", "23" -> 12;
            case "4/mmm", "m-3", "432", "-43m" -> 16 + (pointGroup.equals("4/mmm") ? 0 : 8);
            case "6/mmm" -> 24;
            case "m-3m" -> 48;
            default -> throw new AssertionError("unknown point group " + pointGroup);
        };
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "P 1|1",
        "-P 1|2",
        "-P 2ybc|4",
        "C 2y|4",
        "-F 4 2 3|192",
        "P 31 2c (0 0 1)|6",
        "-R 3 2\"|36",
        "-P 3* 2|12",
        "F 4d 2 3 -1d|192"})
    void ordersOfKnownGroups(String hall, int order) {
        assertThat(HallSymbolParser.operations(hall)).hasSize(order);
    }

    @Test
    void screwAxisAndOriginShiftGiveTheExpectedOperations() {
        assertThat(HallSymbolParser.operations("P 61"))
                .contains(SymmetryOperation.parse("x-y,x,z+1/6"), SymmetryOperation.parse("-x,-y,z+1/2"));
        assertThat(HallSymbolParser.operations("-P 2ybc"))
                .containsExactlyInAnyOrder(SymmetryOperation.parse("x,y,z"), SymmetryOperation.parse("-x,y+1/2,-z+1/2"),
                        SymmetryOperation.parse("-x,-y,-z"), SymmetryOperation.parse("x,-y+1/2,z+1/2"));
        // the (0 0 1) shift moves the origin by c/12, which changes the translation of the 2-fold along a-b
        assertThat(HallSymbolParser.operations("P 31 2c (0 0 1)"))
                .contains(SymmetryOperation.parse("-y,-x,-z+2/3"));
    }

    @Test
    void primedAxesAreFaceDiagonalsRelativeToThePrecedingAxis() {
        // Hall 1981, Table 3: after an x axis ' is b-c and " is b+c; after y, ' is a-c and " is a+c
        assertThat(HallSymbolParser.operations("P 2x 2'")).contains(SymmetryOperation.parse("-x,-z,-y"));
        assertThat(HallSymbolParser.operations("P 2x 2\"")).contains(SymmetryOperation.parse("-x,z,y"));
        assertThat(HallSymbolParser.operations("P 2y 2'")).contains(SymmetryOperation.parse("-z,-y,-x"));
        assertThat(HallSymbolParser.operations("P 2y 2\"")).contains(SymmetryOperation.parse("z,-y,x"));
        assertThat(HallSymbolParser.operations("P 2 2'")).contains(SymmetryOperation.parse("-y,-x,-z"));
        assertThat(HallSymbolParser.operations("P 3 2\"")).contains(SymmetryOperation.parse("y,x,-z"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "P", "Q 1", "P 5", "P 2q", "P 3'", "P 4*", "P 2 2 2 2z5", "P 31 2 (0 0",
        "P 2 (0 0 x)", "P 2 (0 0)", "-- 1", "P 2xy", "P 2 4", "P 2' 61"})
    void malformedSymbolsAreRejectedWithTheSymbolInTheMessage(String hall) {
        assertThatThrownBy(() -> HallSymbolParser.operations(hall))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("invalid Hall symbol '" + hall + "'");
    }
}
