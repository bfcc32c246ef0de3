package dev.orion.analysis.symmetry;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** spglib's operations for every Hall number, read from {@code spglib-operations.txt}. */
final class SpglibReference {

    private SpglibReference() {
    }

    /** Index {@code h - 1} holds the operations of Hall number {@code h}, as spglib lists them. */
    static List<List<String>> operations() {
        List<List<String>> out = new ArrayList<>();
        try (InputStream in = SpglibReference.class.getResourceAsStream("spglib-operations.txt")) {
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\t");
                if (Integer.parseInt(f[0]) != out.size() + 1) {
                    throw new IllegalStateException("out of sequence: " + line);
                }
                out.add(List.of(f[1].split(";")));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
