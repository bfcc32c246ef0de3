package dev.orion.samples.spring;

import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.function.Consumer;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/** Streams an export (CSV or JSON) as a file download, written by the store as it reads, never all in memory. */
final class Exports {

    /** The export formats. */
    enum Format {
        CSV, JSON;

        static Format of(String text) {
            try {
                return valueOf(text.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("format must be csv or json, was '" + text + "'", e);
            }
        }
    }

    private Exports() {
    }

    /**
     * @param name   the download's file name without extension
     * @param format CSV or JSON
     * @param write  writes the export
     * @return the response
     */
    static ResponseEntity<StreamingResponseBody> download(String name, Format format, Consumer<Writer> write) {
        MediaType type = format == Format.CSV ? new MediaType("text", "csv", StandardCharsets.UTF_8) : MediaType.APPLICATION_JSON;
        StreamingResponseBody body = out -> {
            Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            write.accept(w);
            w.flush();
        };
        return ResponseEntity.ok().contentType(type)
                .header("Content-Disposition", "attachment; filename=\"" + name + "." + format.name().toLowerCase(Locale.ROOT) + "\"")
                .body(body);
    }
}
