package dev.orion.samples.campaign;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A CSV table (RFC 4180: a header line, comma-separated fields, double quotes around fields that hold commas,
 * quotes or line breaks) read for a pool campaign. Rows are numbered as in a spreadsheet: the header is row 1.
 */
final class PoolTable {

    /** A malformed table or a bad cell, naming the row and the column. */
    static final class BadInput extends Exception {
        BadInput(String message) {
            super(message);
        }
    }

    final List<String> header;
    final List<List<String>> rows;

    private PoolTable(List<String> header, List<List<String>> rows) {
        this.header = header;
        this.rows = rows;
    }

    static PoolTable read(Path file) throws BadInput {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new BadInput("cannot read " + file + ": " + e.getMessage());
        }
        List<List<String>> records = parse(text);
        if (records.isEmpty()) {
            throw new BadInput(file + " is empty; it needs a header row and at least one data row");
        }
        List<String> header = records.get(0);
        for (int r = 1; r < records.size(); r++) {
            if (records.get(r).size() != header.size()) {
                throw new BadInput("row " + (r + 1) + ": " + records.get(r).size() + " fields, the header has "
                        + header.size());
            }
        }
        return new PoolTable(header, records.subList(1, records.size()));
    }

    /** @return the index of the named column  @throws BadInput naming it and the columns there are */
    int column(String option, String name) throws BadInput {
        int i = header.indexOf(name);
        if (i < 0) {
            throw new BadInput(option + " names column '" + name + "', which is not in the header " + header);
        }
        return i;
    }

    /** @return the number in a cell  @throws BadInput naming row and column */
    double number(int row, int column) throws BadInput {
        String cell = rows.get(row).get(column).trim();
        try {
            double v = Double.parseDouble(cell);
            if (Double.isFinite(v)) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below with the row and column
        }
        throw new BadInput("row " + (row + 2) + ", column " + header.get(column) + ": '" + cell + "' is not a finite number");
    }

    private static List<List<String>> parse(String text) throws BadInput {
        List<List<String>> out = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean any = false;
        int line = 1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    line += c == '\n' ? 1 : 0;
                    field.append(c);
                }
            } else if (c == '"' && field.length() == 0) {
                quoted = true;
                any = true;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
                any = true;
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                if (any || field.length() > 0) {
                    fields.add(field.toString());
                    out.add(fields);
                }
                fields = new ArrayList<>();
                field.setLength(0);
                any = false;
                line++;
            } else {
                field.append(c);
            }
        }
        if (quoted) {
            throw new BadInput("row " + line + ": a quoted field is not closed");
        }
        if (any || field.length() > 0) {
            fields.add(field.toString());
            out.add(fields);
        }
        return out;
    }
}
