package dev.orion.engines.espresso;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What pw.x printed on standard output: version, every {@code !} total energy (Ry), the SCF
 * iteration counts and whether SCF converged, the last forces (Ry/bohr) and stress (kbar), the
 * final coordinates of a relaxation, and an error ({@code Error in routine X (N):} and its message).
 */
final class PwOutput {

    private static final Pattern VERSION = Pattern.compile("Program PWSCF (v\\.\\S+)");
    private static final Pattern TOTAL = Pattern.compile("^!\\s+total energy\\s+=\\s+(\\S+)\\s+Ry");
    private static final Pattern CONVERGED = Pattern.compile("convergence has been achieved in\\s+(\\d+)\\s+iterations");
    private static final Pattern NOT_CONVERGED = Pattern.compile("convergence NOT achieved after\\s+(\\d+)\\s+iterations");
    private static final Pattern FORCE = Pattern.compile(
            "^\\s*atom\\s+(\\d+)\\s+type\\s+\\d+\\s+force =\\s+(\\S+)\\s+(\\S+)\\s+(\\S+)");
    private static final Pattern ERROR = Pattern.compile("Error in routine (\\S+) \\((-?\\d+)\\):");

    Optional<String> version = Optional.empty();
    final List<Double> energiesRy = new ArrayList<>();
    final List<Integer> scfIterations = new ArrayList<>();
    Optional<String> notConverged = Optional.empty();
    int notConvergedIterations;
    List<double[]> forcesRyPerBohr = List.of();
    Optional<double[][]> stressKbar = Optional.empty();
    Optional<String> error = Optional.empty();
    Optional<String> relaxEnd = Optional.empty();
    boolean relaxConverged;
    List<String> finalPositions = List.of();
    Optional<String> finalPositionsHeader = Optional.empty();
    List<String> finalCell = List.of();
    Optional<String> finalCellHeader = Optional.empty();
    boolean jobDone;

    static PwOutput parse(String text) {
        PwOutput out = new PwOutput();
        String[] lines = text.split("\r?\n");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            String t = line.trim();
            Matcher m;
            if (out.version.isEmpty() && (m = VERSION.matcher(line)).find()) {
                out.version = Optional.of("Quantum ESPRESSO pw.x " + m.group(1));
            } else if ((m = TOTAL.matcher(line)).find()) {
                out.energiesRy.add(Double.parseDouble(m.group(1)));
            } else if ((m = CONVERGED.matcher(line)).find()) {
                out.scfIterations.add(Integer.parseInt(m.group(1)));
            } else if ((m = NOT_CONVERGED.matcher(line)).find()) {
                out.notConverged = Optional.of(t);
                out.notConvergedIterations = Integer.parseInt(m.group(1));
            } else if (t.startsWith("Forces acting on atoms")) {
                List<double[]> forces = new ArrayList<>();
                for (int j = i + 1; j < lines.length; j++) {
                    String f = lines[j];
                    if (f.contains("Total force") || f.contains("The non-local contrib")) {
                        break;
                    }
                    Matcher fm = FORCE.matcher(f);
                    if (fm.find()) {
                        forces.add(new double[] {Double.parseDouble(fm.group(2)), Double.parseDouble(fm.group(3)),
                            Double.parseDouble(fm.group(4))});
                    }
                }
                out.forcesRyPerBohr = forces;
            } else if (t.startsWith("total   stress") && i + 3 < lines.length) {
                double[][] s = new double[3][3];
                for (int r = 0; r < 3; r++) {
                    String[] parts = lines[i + 1 + r].trim().split("\\s+");
                    for (int c = 0; c < 3; c++) {
                        s[r][c] = Double.parseDouble(parts[3 + c]);
                    }
                }
                out.stressKbar = Optional.of(s);
            } else if ((m = ERROR.matcher(line)).find()) {
                StringBuilder msg = new StringBuilder(t);
                for (int j = i + 1; j < lines.length && !lines[j].contains("%%%%"); j++) {
                    msg.append(' ').append(lines[j].trim());
                }
                out.error = Optional.of(msg.toString().trim());
            } else if (t.startsWith("bfgs converged")) {
                out.relaxConverged = true;
                out.relaxEnd = Optional.of(t);
            } else if (t.startsWith("The maximum number of steps has been reached")) {
                out.relaxEnd = Optional.of(t);
            } else if (t.startsWith("Begin final coordinates")) {
                i = out.finalCoordinates(lines, i + 1);
            } else if (t.equals("JOB DONE.")) {
                out.jobDone = true;
            }
        }
        return out;
    }

    private int finalCoordinates(String[] lines, int from) {
        int i = from;
        for (; i < lines.length && !lines[i].trim().startsWith("End final coordinates"); i++) {
            String t = lines[i].trim();
            if (t.startsWith("CELL_PARAMETERS")) {
                finalCellHeader = Optional.of(t);
                finalCell = List.of(lines[i + 1].trim(), lines[i + 2].trim(), lines[i + 3].trim());
                i += 3;
            } else if (t.startsWith("ATOMIC_POSITIONS")) {
                finalPositionsHeader = Optional.of(t);
                List<String> rows = new ArrayList<>();
                for (int j = i + 1; j < lines.length; j++) {
                    String r = lines[j].trim();
                    if (r.isEmpty() || r.startsWith("End final")) {
                        break;
                    }
                    rows.add(r);
                }
                finalPositions = rows;
                i += rows.size();
            }
        }
        return i;
    }
}
