package dev.orion.data.mp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * The {@code meta} block of a Materials Project response.
 *
 * @param totalDoc   how many documents match the query in total ({@code total_doc})
 * @param maxLimit   the largest page the route serves ({@code max_limit})
 * @param apiVersion the server's version ({@code api_version})
 * @param timeStamp  when the server answered ({@code time_stamp}, as sent)
 * @param extras     every other field of the block, as sent (a copy is returned)
 */
public record ResponseMeta(OptionalLong totalDoc, OptionalInt maxLimit, Optional<String> apiVersion,
        Optional<String> timeStamp, JsonNode extras) {

    /** Checks the components and keeps a private copy of {@code extras}. */
    public ResponseMeta {
        Objects.requireNonNull(totalDoc, "totalDoc");
        Objects.requireNonNull(maxLimit, "maxLimit");
        Objects.requireNonNull(apiVersion, "apiVersion");
        Objects.requireNonNull(timeStamp, "timeStamp");
        extras = Objects.requireNonNull(extras, "extras").deepCopy();
    }

    /** @return a meta block with nothing in it (a response without {@code meta}) */
    public static ResponseMeta empty() {
        return new ResponseMeta(OptionalLong.empty(), OptionalInt.empty(), Optional.empty(), Optional.empty(),
                JsonNodeFactory.instance.objectNode());
    }

    /** @return a copy of the fields ORION does not model */
    @Override
    public JsonNode extras() {
        return extras.deepCopy();
    }
}
