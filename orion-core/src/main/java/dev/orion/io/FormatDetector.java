package dev.orion.io;

import dev.orion.structure.StructureFormat;

/** Tells a structure format from the first lines of a file, when its name does not. */
final class FormatDetector {

    private static final int HEAD = 8192;

    private FormatDetector() {
    }

    static StructureFormat fromContent(String text) {
        String head = text.length() > HEAD ? text.substring(0, HEAD) : text;
        String trimmed = head.stripLeading();
        if (trimmed.startsWith("{")) {
            return StructureFormat.JSON;
        }
        String lower = head.toLowerCase(java.util.Locale.ROOT);
        if (lower.startsWith("data_") || lower.contains("\ndata_") || lower.contains("_cell_length_a")) {
            return StructureFormat.CIF;
        }
        if (lower.contains("&system") || lower.contains("atomic_positions")) {
            return StructureFormat.PWSCF;
        }
        if (lower.contains("xlo xhi") && lower.contains("atoms")) {
            return StructureFormat.LAMMPS_DATA;
        }
        String[] lines = trimmed.split("\r\n|\r|\n", 3);
        if (lines.length >= 2 && lines[0].strip().matches("\\d+")) {
            return lines[1].contains("Lattice=") || lines[1].contains("Properties=")
                    ? StructureFormat.EXTXYZ : StructureFormat.XYZ;
        }
        return StructureFormat.POSCAR;
    }
}
