package dev.orion.io.xyz;

import dev.orion.io.internal.CellLimits;
import dev.orion.io.ReadOptions;
import dev.orion.io.ReadResult;
import dev.orion.io.ReadWarning;
import dev.orion.io.internal.SourceText;
import dev.orion.io.internal.SourceText.Token;
import dev.orion.structure.Atom;
import dev.orion.structure.Element;
import dev.orion.structure.Lattice;
import dev.orion.structure.Molecule;
import dev.orion.structure.Species;
import dev.orion.structure.Structure;
import dev.orion.structure.StructureBuilder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** One parse of one (extended) XYZ text, frame after frame. */
final class XyzParser {

    private final SourceText src;
    private final ReadOptions options;
    private final int lineCount;
    private final List<Structure> structures = new ArrayList<>();
    private final List<Molecule> molecules = new ArrayList<>();
    private final List<ReadWarning> warnings = new ArrayList<>();

    XyzParser(SourceText src, ReadOptions options) {
        this.src = src;
        this.options = options;
        this.lineCount = src.lineCount();
    }

    ReadResult parse() {
        int line = 1;
        int frame = 0;
        while (true) {
            while (line <= lineCount && src.line(line).isBlank()) {
                line++;
            }
            if (line > lineCount) {
                break;
            }
            frame++;
            line = frame(line, frame);
        }
        if (frame == 0) {
            throw src.error(1, 1, "expected the number of atoms on line 1 (an XYZ frame), found an empty input");
        }
        return new ReadResult(structures, molecules, warnings);
    }

    /** Reads the frame whose count line is {@code line}; returns the line after it. */
    private int frame(int line, int frame) {
        Token countToken = src.tokens(line).get(0);
        Long count = ExtXyzValues.longOrNull(countToken.text());
        if (count == null || count < 0 || countToken.text().startsWith("+")) {
            throw src.error(countToken, "expected the number of atoms of frame " + frame
                    + " (a non-negative integer), found '" + countToken.text() + "'");
        }
        if (count > options.maxSites()) {
            throw src.error(countToken, "frame " + frame + " announces " + count + " atoms, more than "
                    + options.maxSites() + ", the limit set by ReadOptions.maxSites");
        }
        int n = count.intValue();
        int commentLine = line + 1;
        int available = Math.max(0, lineCount - commentLine);
        if (commentLine > lineCount || available < n) {
            // Checked before allocating anything sized by the count.
            throw src.error(Math.min(commentLine + available + 1, lineCount + 1), 0, "unexpected end of input: frame "
                    + frame + " announces " + n + " atoms on line " + line + ", but "
                    + (commentLine > lineCount ? "its comment line is missing"
                    : "only " + available + " line(s) follow its comment line " + commentLine));
        }
        ExtXyzHeader header = ExtXyzHeader.parse(src, commentLine);
        FrameReader reader = new FrameReader(header, frame, commentLine);
        for (int i = 0; i < n; i++) {
            reader.atom(commentLine + 1 + i, i);
        }
        reader.finish();
        return commentLine + 1 + n;
    }

    /** Collects the atoms of one frame into a structure (with a lattice) or a molecule. */
    private final class FrameReader {
        private final ExtXyzHeader header;
        private final ExtXyzColumns columns;
        private final int frame;
        private final Lattice lattice;
        private final StructureBuilder structure;
        private final Molecule.Builder molecule;
        private final double[] frac = new double[3];
        private boolean warnedExtra;

        FrameReader(ExtXyzHeader header, int frame, int commentLine) {
            this.header = header;
            this.columns = header.columns();
            this.frame = frame;
            double[] m = header.lattice();
            if (m != null) {
                try {
                    lattice = CellLimits.lattice(new double[][] {{m[0], m[1], m[2]}, {m[3], m[4], m[5]}, {m[6], m[7], m[8]}});
                } catch (IllegalArgumentException e) {
                    throw src.error(commentLine, 1, "the Lattice of frame " + frame + " is not a cell: "
                            + e.getMessage());
                }
                structure = Structure.builder().lattice(lattice);
                molecule = null;
            } else {
                lattice = null;
                structure = null;
                molecule = Molecule.builder();
            }
        }

        void atom(int line, int index) {
            List<Token> tokens = src.tokens(line);
            int width = columns.width();
            if (tokens.size() < width) {
                throw src.error(line, src.line(line).length() + 1, "expected " + width + " columns ("
                        + describe() + ") for atom " + (index + 1) + " of frame " + frame + ", found "
                        + tokens.size());
            }
            if (tokens.size() > width && header.extended() && !warnedExtra) {
                warnedExtra = true;
                warnings.add(src.warning(line, "frame " + frame + ": atom lines have more columns than the "
                        + width + " that Properties names; the extra columns were ignored"));
            }
            Species species = species(tokens);
            ExtXyzColumns.Column pos = columns.pos();
            double x = number(tokens.get(pos.first()), "x", index);
            double y = number(tokens.get(pos.first() + 1), "y", index);
            double z = number(tokens.get(pos.first() + 2), "z", index);
            Map<String, Object> props = new LinkedHashMap<>();
            List<ExtXyzColumns.Column> all = columns.columns();
            for (int c = 0; c < all.size(); c++) {
                if (columns.isSiteProperty(c)) {
                    ExtXyzColumns.Column col = all.get(c);
                    props.put(col.name(), value(tokens, col, index));
                }
            }
            if (structure != null) {
                lattice.toFractional(x, y, z, frac);
                if (!Double.isFinite(frac[0]) || !Double.isFinite(frac[1]) || !Double.isFinite(frac[2])) {
                    throw src.error(line, tokens.get(pos.first()).column(), "the position of atom " + (index + 1)
                            + " is too large: its fractional coordinates are not finite numbers");
                }
                structure.addSite(species, frac[0], frac[1], frac[2]);
                props.forEach((k, v) -> structure.siteProperty(index, k, v));
            } else {
                molecule.add(new Atom(species, x, y, z, props));
            }
        }

        void finish() {
            if (structure != null) {
                header.properties().forEach(structure::property);
                structures.add(structure.build());
            } else {
                header.properties().forEach(molecule::property);
                molecules.add(molecule.build());
            }
        }

        private Species species(List<Token> tokens) {
            ExtXyzColumns.Column col = columns.species() != null ? columns.species() : columns.z();
            Token t = tokens.get(col.first());
            return speciesOf(t.text()).orElseThrow(() -> src.error(t, "expected an element symbol or atomic "
                    + "number (1-" + Element.values().length + ") in column '" + col.name() + "', found '"
                    + t.text() + "'"));
        }

        private double number(Token t, String what, int index) {
            return src.parseDouble(t, "the " + what + " position of atom " + (index + 1));
        }

        private Object value(List<Token> tokens, ExtXyzColumns.Column col, int index) {
            if (col.count() == 1) {
                return scalar(tokens.get(col.first()), col, index);
            }
            List<Object> list = new ArrayList<>(col.count());
            for (int k = 0; k < col.count(); k++) {
                list.add(scalar(tokens.get(col.first() + k), col, index));
            }
            return list;
        }

        private Object scalar(Token t, ExtXyzColumns.Column col, int index) {
            String what = "'" + col.name() + "' of atom " + (index + 1);
            switch (col.type()) {
                case 'R':
                    return src.parseDouble(t, what);
                case 'I': {
                    Long v = ExtXyzValues.longOrNull(t.text());
                    if (v == null) {
                        throw src.error(t, "expected " + what + " (an integer), found '" + t.text() + "'");
                    }
                    return v;
                }
                case 'L': {
                    Boolean b = ExtXyzValues.bool(t.text());
                    if (b == null) {
                        throw src.error(t, "expected " + what + " (T or F), found '" + t.text() + "'");
                    }
                    return b;
                }
                default:
                    return t.text();
            }
        }

        private String describe() {
            StringBuilder sb = new StringBuilder();
            for (ExtXyzColumns.Column c : columns.columns()) {
                sb.append(sb.length() == 0 ? "" : ":").append(c.name()).append(':').append(c.type()).append(':')
                        .append(c.count());
            }
            return sb.toString();
        }
    }

    /** A symbol in any case ({@code Fe}, {@code FE}), a species with a charge ({@code Fe2+}), or Z. */
    static Optional<Species> speciesOf(String text) {
        Long z = ExtXyzValues.longOrNull(text);
        if (z != null) {
            return z >= 1 && z <= Element.values().length ? Optional.of(Species.of(Element.ofZ(z.intValue())))
                    : Optional.empty();
        }
        Optional<Element> e = Element.parse(text);
        if (e.isPresent()) {
            return Optional.of(Species.of(e.get()));
        }
        if (text.length() > 12 || text.isEmpty() || !Character.isUpperCase(text.charAt(0))) {
            return Optional.empty();
        }
        try {
            return Optional.of(Species.parse(text));
        } catch (IllegalArgumentException ex) {
            return Optional.empty();
        }
    }
}
