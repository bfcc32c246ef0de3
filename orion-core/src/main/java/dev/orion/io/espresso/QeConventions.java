package dev.orion.io.espresso;

import dev.orion.structure.Element;
import java.util.Optional;

/**
 * Quantum ESPRESSO's own constants and conventions, kept in one place so that ORION's numbers agree
 * with those pw.x prints.
 */
final class QeConventions {

    /**
     * Å per bohr, as pw.x 6.7 (Debian 12's {@code quantum-espresso}) converts: CODATA 2018,
     * {@code BOHR_RADIUS_SI = 0.529177210903E-10} in {@code Modules/constants.f90}. Checked on the
     * real program: {@code ibrav=1, A=1000.0} makes pw.x print {@code celldm(1)=1889.726125}, which
     * is 1000 / 0.529177210903; the CODATA 2006 value 0.52917720859 of older releases would print
     * 1889.726133.
     */
    static final double BOHR_ANGSTROM = 0.529177210903;

    private QeConventions() {
    }

    /**
     * The element a pw.x species label stands for, as pw.x reads labels: the chemical symbol,
     * optionally followed by a digit, a letter, {@code _} or {@code -} and more ({@code Fe1},
     * {@code Fe_up}, {@code O2}, {@code Ow}). The first two characters are tried as a symbol
     * (case-insensitive) when both are letters, then the first one alone.
     *
     * @param label the label
     * @return the element, or empty when the label starts with no element symbol
     */
    static Optional<Element> elementOfLabel(String label) {
        if (label.isEmpty() || !isAsciiLetter(label.charAt(0))) {
            return Optional.empty();
        }
        if (label.length() >= 2 && isAsciiLetter(label.charAt(1))) {
            Optional<Element> two = Element.parse(label.substring(0, 2));
            if (two.isPresent()) {
                return two;
            }
        }
        return Element.parse(label.substring(0, 1));
    }

    private static boolean isAsciiLetter(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
    }

    /**
     * The lattice vectors (rows, Å) of the Bravais lattices this reader supports, with pw.x's
     * orientation ({@code Modules/latgen.f90}, documented in INPUT_PW and confirmed against pw.x 6.7's
     * printed "crystal axes").
     *
     * @param ibrav one of 1, 2, 3, -3
     * @param a     the cubic lattice constant in Å
     * @return the three vectors, or empty for an unsupported {@code ibrav}
     */
    static Optional<double[][]> cubicVectors(int ibrav, double a) {
        double h = a / 2;
        return switch (ibrav) {
            case 1 -> Optional.of(new double[][] {{a, 0, 0}, {0, a, 0}, {0, 0, a}});
            case 2 -> Optional.of(new double[][] {{-h, 0, h}, {0, h, h}, {-h, h, 0}});
            case 3 -> Optional.of(new double[][] {{h, h, h}, {-h, h, h}, {-h, -h, h}});
            case -3 -> Optional.of(new double[][] {{-h, h, h}, {h, -h, h}, {h, h, -h}});
            default -> Optional.empty();
        };
    }
}
