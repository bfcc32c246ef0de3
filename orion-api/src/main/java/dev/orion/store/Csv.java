package dev.orion.store;

/** RFC 4180 field quoting for the CSV exports of this package. */
final class Csv {

    private Csv() {
    }

    static String field(String value) {
        boolean quote = value.indexOf(',') >= 0 || value.indexOf('"') >= 0 || value.indexOf('\n') >= 0
                || value.indexOf('\r') >= 0;
        // a leading =, +, - or @ makes spreadsheets evaluate the cell; prefix a quote to keep it text
        String safe = !value.isEmpty() && "=+-@".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        return quote ? '"' + safe.replace("\"", "\"\"") + '"' : safe;
    }
}
