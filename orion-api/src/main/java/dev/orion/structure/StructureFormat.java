package dev.orion.structure;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The structure file formats ORION reads and writes, with the file-name conventions used to
 * recognise them.
 */
public enum StructureFormat {
    /** Crystallographic Information File. */
    CIF("cif"),
    /** VASP POSCAR/CONTCAR; also recognised by the file-name prefixes POSCAR and CONTCAR. */
    POSCAR("vasp", "poscar", "contcar"),
    /** Plain XYZ (molecules). */
    XYZ("xyz"),
    /** Extended XYZ (lattice and per-atom properties in the comment line). */
    EXTXYZ("extxyz"),
    /** LAMMPS data file; also recognised by LAMMPS's own {@code data.*} naming. */
    LAMMPS_DATA("data", "lmp", "lammps"),
    /**
     * Quantum ESPRESSO pw.x input. A bare {@code .in} is too ambiguous to claim (LAMMPS inputs use it
     * too), so only {@code .pwi}, {@code .pwscf} and names ending in {@code pw.in} are recognised.
     */
    PWSCF("pwi", "pwscf"),
    /** ORION's own JSON document (see {@code dev.orion.io.json.StructureJson}). */
    JSON("json");

    private static final List<String> COMPRESSION_SUFFIXES = List.of(".gz", ".bz2", ".xz");

    private final List<String> extensions;

    StructureFormat(String... extensions) {
        this.extensions = List.of(extensions);
    }

    /** File extensions (lower case, without the dot) that usually mean this format. */
    public List<String> fileExtensions() {
        return extensions;
    }

    /**
     * Guesses the format from a file name or path: by extension ({@code Cu.cif}, {@code x.vasp}),
     * by VASP's name prefixes ({@code POSCAR}, {@code CONTCAR}, {@code POSCAR-195-2}) or LAMMPS's
     * {@code data.*}. A trailing {@code .gz}, {@code .bz2} or {@code .xz} is ignored.
     *
     * @return the format, or empty if the name says nothing reliable
     */
    public static Optional<StructureFormat> fromFileName(String fileName) {
        if (fileName == null || fileName.isBlank()) {
            return Optional.empty();
        }
        String name = fileName.strip().replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1);
        String lower = name.toLowerCase(Locale.ROOT);
        for (String suffix : COMPRESSION_SUFFIXES) {
            if (lower.endsWith(suffix)) {
                lower = lower.substring(0, lower.length() - suffix.length());
                break;
            }
        }
        if (lower.startsWith("poscar") || lower.startsWith("contcar")) {
            return Optional.of(POSCAR);
        }
        int dot = lower.lastIndexOf('.');
        if (dot > 0) {
            String ext = lower.substring(dot + 1);
            for (StructureFormat f : values()) {
                if (f.extensions.contains(ext)) {
                    return Optional.of(f);
                }
            }
        }
        if (lower.startsWith("data.") && lower.length() > 5) {
            return Optional.of(LAMMPS_DATA);
        }
        if (lower.endsWith("pw.in")) {
            return Optional.of(PWSCF);
        }
        return Optional.empty();
    }
}
