package dev.orion.symmetry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SymmetryOperationTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "x,y,z|x,y,z",
        "x,y+1/2,-z|x,y+1/2,-z",
        "-x+y, -x, z+2/3|-x+y,-x,z+2/3",
        "1/2+X,1/2-Y,Z|x+1/2,-y+1/2,z",
        "0.5+x,y,z|x+1/2,y,z",
        "-x+1/2,y,-z|-x+1/2,y,-z",
        "+x,+y,+z|x,y,z",
        "x-y,x,z+1/6|x-y,x,z+1/6",
        "x+1,y-1,z+3/2|x,y,z+1/2",
        "-x-1/4,-y-3/4,z|-x+3/4,-y+1/4,z",
        "  -y + 1/4 ,  x + 3/4 ,  z + 1/4 |-y+1/4,x+3/4,z+1/4",
        "x,y,z+0.25|x,y,z+1/4",
        "2x-y,x,z|2x-y,x,z",
        "1*x,y,1*z|x,y,z",
        "z,x,y|z,x,y",
        "x,y,z+0.123|x,y,z+0.123",
        "x,y,z+.5|x,y,z+1/2",
        "x,y,1/3+1/3+z|x,y,z+2/3"})
    void parsesCifFormsAndPrintsTheCanonicalForm(String text, String canonical) {
        SymmetryOperation op = SymmetryOperation.parse(text);
        assertThat(op.toXyz()).isEqualTo(canonical);
        assertThat(SymmetryOperation.parse(op.toXyz())).isEqualTo(op);
    }

    @Test
    void parsedRotationAndTranslationAreTheMatrixOfTheText() {
        SymmetryOperation op = SymmetryOperation.parse("-x+y, -x, z+2/3");
        assertThat(op.rotation()).isEqualTo(new int[][] {{-1, 1, 0}, {-1, 0, 0}, {0, 0, 1}});
        assertThat(op.translation()).containsExactly(new double[] {0, 0, 2.0 / 3}, within(1e-12));
        assertThat(op.rotation(0, 1)).isEqualTo(1);
        assertThat(op.translation(2)).isCloseTo(2.0 / 3, within(1e-12));
        assertThat(op.determinant()).isEqualTo(1);
        assertThat(SymmetryOperation.parse("-x,-y,-z").determinant()).isEqualTo(-1);
    }

    @Test
    void accessorsReturnCopies() {
        SymmetryOperation op = SymmetryOperation.parse("x,y,z+1/2");
        op.rotation()[0][0] = 7;
        op.translation()[2] = 0.9;
        assertThat(op.toXyz()).isEqualTo("x,y,z+1/2");
    }

    @Test
    void equalityIsModuloLatticeTranslations() {
        assertThat(SymmetryOperation.parse("x+1,y,z-2")).isEqualTo(SymmetryOperation.IDENTITY);
        assertThat(SymmetryOperation.parse("x,y,z+0.5").hashCode())
                .isEqualTo(SymmetryOperation.parse("x,y,z-1/2").hashCode());
        assertThat(SymmetryOperation.parse("x,y,z+1/2")).isNotEqualTo(SymmetryOperation.IDENTITY);
        assertThat(SymmetryOperation.parse("x+1,y,z").isIdentity()).isTrue();
    }

    @Test
    void applyMapsPointsAndTheAllocationFreeVariantMayWorkInPlace() {
        SymmetryOperation op = SymmetryOperation.parse("-y,x-y,z+1/3");
        assertThat(op.apply(new double[] {0.1, 0.2, 0.3}))
                .containsExactly(new double[] {-0.2, -0.1, 0.3 + 1.0 / 3}, within(1e-12));
        double[] p = {0.1, 0.2, 0.3};
        op.apply(p, p);
        assertThat(p).containsExactly(new double[] {-0.2, -0.1, 0.3 + 1.0 / 3}, within(1e-12));
    }

    @Test
    void composeAppliesTheArgumentFirst() {
        SymmetryOperation rotate = SymmetryOperation.parse("-y,x,z");
        SymmetryOperation shift = SymmetryOperation.parse("x+1/2,y,z");
        // rotate after shift: (x+1/2, y, z) -> (-y, x+1/2, z)
        assertThat(rotate.compose(shift)).isEqualTo(SymmetryOperation.parse("-y,x+1/2,z"));
        assertThat(shift.compose(rotate)).isEqualTo(SymmetryOperation.parse("-y+1/2,x,z"));
        SymmetryOperation screw = SymmetryOperation.parse("-y,x-y,z+1/3");
        assertThat(screw.compose(screw).compose(screw)).isEqualTo(SymmetryOperation.IDENTITY);
    }

    @Test
    void randomOperationsObeyGroupLaws() {
        Random random = new Random(20261121L);
        String[] rows = {"x", "-x", "y", "-y", "z", "-z", "x-y", "-x+y"};
        String[] shifts = {"", "+1/2", "+1/3", "+2/3", "+1/4", "+3/4", "+1/6", "+5/6", "+1/8", "+0.1"};
        int checked = 0;
        while (checked < 300) {
            String text = rows[random.nextInt(rows.length)] + shifts[random.nextInt(shifts.length)] + ","
                    + rows[random.nextInt(rows.length)] + shifts[random.nextInt(shifts.length)] + ","
                    + rows[random.nextInt(rows.length)] + shifts[random.nextInt(shifts.length)];
            SymmetryOperation a;
            try {
                a = SymmetryOperation.parse(text);
            } catch (IllegalArgumentException singular) {
                continue;
            }
            SymmetryOperation b = SymmetryOperation.parse(text.replace('x', 'q').replace('z', 'x').replace('q', 'z'));
            assertThat(a.compose(a.inverse())).as(text).isEqualTo(SymmetryOperation.IDENTITY);
            assertThat(a.inverse().compose(a)).as(text).isEqualTo(SymmetryOperation.IDENTITY);
            assertThat(a.inverse().inverse()).isEqualTo(a);
            assertThat(SymmetryOperation.parse(a.toXyz())).isEqualTo(a);
            assertThat(a.compose(b).inverse()).isEqualTo(b.inverse().compose(a.inverse()));
            double[] p = {random.nextDouble(), random.nextDouble(), random.nextDouble()};
            double[] viaCompose = a.compose(b).apply(p);
            double[] viaApply = a.apply(b.apply(p));
            for (int i = 0; i < 3; i++) {
                double d = viaCompose[i] - viaApply[i];
                assertThat(d - Math.rint(d)).isCloseTo(0, within(1e-9));
            }
            checked++;
        }
        assertThat(checked).isEqualTo(300);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "x,y|index 3|expected 3 comma-separated components, found 2",
        "x,y,z,t|index 5|found more",
        "x,y,q|index 4|unexpected 'q'",
        "x,,z|index 2|empty component",
        "x,y,1/2|index 7|component 3 has no x, y or z",
        "x,y,z+|index 6|expected a term after the sign",
        "x,y,z+1/0|index 8|division by zero",
        "x,y,1/2x|index 4|coefficient of a variable must be an integer",
        "x y z|index 2|expected ',' but found 'y'",
        "x,x,z|determinant|must have determinant +1 or -1, had 0",
        "2x,y,z|determinant|had 2",
        "x,y,z+1..2|index 6|malformed number '1..2'",
        "-88888888888888888888x-x+y,x,z|index 1|coefficient of a variable must be at most 1000",
        "|index 0|empty component"})
    void badInputNamesTheTextAndThePosition(String text, String where, String what) {
        String input = text == null ? "" : text;
        assertThatThrownBy(() -> SymmetryOperation.parse(input))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'" + input + "'")
                .hasMessageContaining(where)
                .hasMessageContaining(what);
    }

    @Test
    void factoryValidatesShapes() {
        assertThatThrownBy(() -> SymmetryOperation.of(new int[][] {{1, 0, 0}, {0, 1, 0}}, new double[3]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("3 rows");
        assertThatThrownBy(() -> SymmetryOperation.of(new int[][] {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}}, new double[2]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("3 components");
        assertThatThrownBy(() -> SymmetryOperation.of(new int[][] {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}},
                new double[] {0, Double.NaN, 0}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("translation[1]");
        assertThatThrownBy(() -> SymmetryOperation.of(new int[][] {{1, 0, 0}, {0, 1, 0}, {0, 5000, 1}}, new double[3]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("5000 at row 2, column 1");
        assertThat(SymmetryOperation.of(new int[][] {{0, -1, 0}, {1, 0, 0}, {0, 0, 1}}, new double[] {-0.25, 1, 2.5}))
                .isEqualTo(SymmetryOperation.parse("-y+3/4,x,z+1/2"));
    }

    @Test
    void crystalSystemsCoverTheNumbers() {
        assertThat(CrystalSystem.ofSpaceGroupNumber(1)).isEqualTo(CrystalSystem.TRICLINIC);
        assertThat(CrystalSystem.ofSpaceGroupNumber(15)).isEqualTo(CrystalSystem.MONOCLINIC);
        assertThat(CrystalSystem.ofSpaceGroupNumber(167)).isEqualTo(CrystalSystem.TRIGONAL);
        assertThat(CrystalSystem.ofSpaceGroupNumber(168)).isEqualTo(CrystalSystem.HEXAGONAL);
        assertThat(CrystalSystem.ofSpaceGroupNumber(230)).isEqualTo(CrystalSystem.CUBIC);
        assertThatThrownBy(() -> CrystalSystem.ofSpaceGroupNumber(231))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("231");
    }
}
