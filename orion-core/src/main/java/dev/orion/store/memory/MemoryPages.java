package dev.orion.store.memory;

import dev.orion.store.Page;
import dev.orion.store.PageRequest;
import dev.orion.store.internal.Cursors;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/** Keyset pagination over in-memory rows, with the same cursor semantics as the JDBC stores. */
final class MemoryPages {

    private MemoryPages() {
    }

    static <T> Page<T> page(Iterable<Seq<T>> rows, Predicate<T> filter, PageRequest request) {
        Optional<Long> after = request.cursor().map(Cursors::decode);
        List<Seq<T>> matching = new ArrayList<>();
        for (Seq<T> row : rows) {
            if (filter.test(row.value())
                    && after.map(a -> request.descending() ? row.seq() < a : row.seq() > a).orElse(true)) {
                matching.add(row);
            }
        }
        Comparator<Seq<T>> bySeq = Comparator.comparingLong(Seq::seq);
        matching.sort(request.descending() ? bySeq.reversed() : bySeq);
        if (matching.size() <= request.limit()) {
            return new Page<>(matching.stream().map(Seq::value).toList(), Optional.empty());
        }
        List<Seq<T>> page = matching.subList(0, request.limit());
        return new Page<>(page.stream().map(Seq::value).toList(),
                Optional.of(Cursors.encode(page.get(page.size() - 1).seq())));
    }
}
