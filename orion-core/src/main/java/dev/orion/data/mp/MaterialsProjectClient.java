package dev.orion.data.mp;

import dev.orion.store.ResponseCacheStore;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;

/**
 * A client of the Materials Project API (<a href="https://api.materialsproject.org/docs">docs</a>).
 * Build one per application and share it; it is thread-safe.
 * <pre>{@code
 * try (MaterialsProjectClient mp = MaterialsProjectClient.builder().apiKey(System.getenv("MP_API_KEY")).build()) {
 *     List<MaterialSummary> stable = mp.search(SummaryQuery.builder().chemicalSystem("Li-Fe-O").stable(true)
 *                     .fields("material_id", "formula_pretty", "band_gap", "structure").build())
 *             .toList();
 *     List<MaterialElasticity> stiff = mp.searchAll(ElasticityQuery.builder().min(ElasticityRange.K_VRH, 200).build());
 * }
 * }</pre>
 * Every route ({@link MpRoute}: summary, thermo, elasticity, electronic structure, provenance) is queried
 * the same way, through its {@link MpQuery}, and gets the same care:
 * <ul>
 *   <li>the API key goes in the {@code x-api-key} header, never in a URL, a log line or
 *       {@link #toString()};</li>
 *   <li>{@link #search} walks every page ({@code _limit}/{@code _skip} or {@code _page}/{@code _per_page},
 *       see {@link Pagination}) behind one lazy stream; long id lists are split into chunks that keep
 *       URLs short (servers answer 414 otherwise);</li>
 *   <li>at most {@link Builder#maxConcurrentRequests} requests are in flight at once, across threads;</li>
 *   <li>429, 502, 503, 504 and network failures are retried with exponential backoff, waiting what
 *       {@code Retry-After} asks;</li>
 *   <li>answers are cached in memory (Caffeine) by URL for {@link Builder#cacheTtl}, and with
 *       {@link Builder#responseStore} also in the tenant's store, so that another client instance (another
 *       process) answers a repeated query without a request; expired rows of that store are purged every
 *       {@link Builder#purgeInterval} on a daemon thread;</li>
 *   <li>errors are typed: {@link MpAuthenticationException}, {@link MpNotFoundException},
 *       {@link MpRateLimitedException}, {@link MpUnknownFieldException}, else
 *       {@link MaterialsProjectException}.</li>
 * </ul>
 * With a list of ids, documents come chunk by chunk, each chunk in the query's sort order.
 */
public final class MaterialsProjectClient implements AutoCloseable {

    /** The production API. */
    public static final String DEFAULT_BASE_URL = "https://api.materialsproject.org/";

    private final HttpUrl baseUrl;
    private final OkHttpClient http;
    private final MpTransport transport;
    private final ResponseCache cache;
    private final ExecutorService chunkWorkers;
    private final Pagination pagination;
    private final int maxIdCharacters;

    private MaterialsProjectClient(Builder b) {
        this.baseUrl = b.baseUrl;
        this.http = new OkHttpClient.Builder().callTimeout(b.callTimeout).build();
        this.transport = new MpTransport(http, b.apiKey, b.maxConcurrentRequests, b.maxRetries, b.initialBackoff,
                b.maxBackoff, b.clock);
        this.cache = new ResponseCache(b.cacheTtl, b.cacheMaximumSize, b.store, b.clock, b.purgeInterval);
        this.chunkWorkers = Executors.newFixedThreadPool(b.maxConcurrentRequests, r -> {
            Thread t = new Thread(r, "orion-mp-chunk");
            t.setDaemon(true);
            return t;
        });
        this.pagination = b.pagination;
        this.maxIdCharacters = b.maxIdCharacters;
    }

    /** @return a builder; {@link Builder#apiKey} is required */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Every document that matches the query, fetched page by page as the stream is consumed.
     *
     * @param query the query of any route
     * @param <D>   the route's document type
     * @return a lazy, sequential stream
     * @throws MaterialsProjectException (from the stream's terminal operation) if a request fails
     */
    public <D> Stream<D> search(MpQuery<D> query) {
        Objects.requireNonNull(query, "query");
        Stream<D> all = chunkParameters(query).stream().flatMap(params -> pages(query, params));
        return query.limit().isPresent() ? all.limit(query.limit().getAsLong()) : all;
    }

    /**
     * Every document that matches the query, in a list; with many id chunks, the chunks are fetched
     * in parallel (at most {@link Builder#maxConcurrentRequests} at once). The order is that of
     * {@link #search}.
     *
     * @param query the query of any route
     * @param <D>   the route's document type
     * @return the documents
     * @throws MaterialsProjectException if a request fails
     */
    public <D> List<D> searchAll(MpQuery<D> query) {
        Objects.requireNonNull(query, "query");
        List<Map<String, String>> chunks = chunkParameters(query);
        if (chunks.size() == 1) {
            return search(query).toList();
        }
        List<CompletableFuture<List<D>>> futures = new ArrayList<>();
        for (Map<String, String> params : chunks) {
            futures.add(CompletableFuture.supplyAsync(() -> pages(query, params).toList(), chunkWorkers));
        }
        List<D> all = new ArrayList<>();
        try {
            futures.forEach(f -> all.addAll(f.join()));
        } catch (CompletionException e) {
            futures.forEach(f -> f.cancel(true));
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
        long limit = query.limit().orElse(Long.MAX_VALUE);
        return List.copyOf(all.size() > limit ? all.subList(0, (int) limit) : all);
    }

    /**
     * One material's summary with the fields the API returns by default.
     *
     * @param materialId an id such as {@code mp-149}
     * @return the document, or empty if there is no such material
     * @throws MaterialsProjectException if the request fails
     */
    public Optional<MaterialSummary> material(String materialId) {
        return search(SummaryQuery.ofMaterialIds(materialId)).findFirst();
    }

    /**
     * How many documents match the query ({@code meta.total_doc}, summed over id chunks), asking for
     * one document per chunk.
     *
     * @param query the query of any route; its fields, sort and limit are ignored
     * @return the number of matching documents
     * @throws MaterialsProjectException if a request fails or an answer has no {@code total_doc}
     */
    public long count(MpQuery<?> query) {
        long total = 0;
        for (Map<String, String> params : chunkParameters(query)) {
            Map<String, String> one = new LinkedHashMap<>(params);
            one.put("_fields", query.route().idField());
            one.remove("_sort_fields");
            one.putAll(pageParameters(0, 1));
            HttpUrl url = url(query.route(), one);
            total += fetch(query.route(), url).meta().totalDoc().orElseThrow(
                    () -> new MaterialsProjectException(200, "no meta.total_doc in the answer of " + url));
        }
        return total;
    }

    /**
     * Removes the expired answers from the {@link Builder#responseStore} now, as the client does on its
     * own every {@link Builder#purgeInterval}; entries still fresh stay, and only that store (one tenant's)
     * is touched.
     *
     * @return how many expired entries were removed (0 without a response store)
     * @throws dev.orion.store.StoreException if the store fails
     */
    public long purgeExpiredResponses() {
        return cache.purgeExpired();
    }

    /** Stops the purge and the chunk workers and releases pooled connections. */
    @Override
    public void close() {
        cache.close();
        chunkWorkers.shutdownNow();
        http.connectionPool().evictAll();
    }

    /** Names the server and hides the key. */
    @Override
    public String toString() {
        return "MaterialsProjectClient[baseUrl=" + baseUrl + ", apiKey=****, pagination=" + pagination + "]";
    }

    private List<Map<String, String>> chunkParameters(MpQuery<?> query) {
        if (query.materialIds().isEmpty()) {
            return List.of(query.parameters());
        }
        List<Map<String, String>> chunks = new ArrayList<>();
        for (String ids : query.idChunks(maxIdCharacters)) {
            Map<String, String> params = new LinkedHashMap<>();
            params.put(query.route().idsParameter(), ids);
            params.putAll(query.parameters());
            chunks.add(params);
        }
        return chunks;
    }

    private <D> Stream<D> pages(MpQuery<D> query, Map<String, String> params) {
        int size = (int) Math.min(query.pageSize(), query.limit().orElse(Long.MAX_VALUE));
        long limit = query.limit().orElse(Long.MAX_VALUE);
        Iterator<MpPage<D>> pages = new Iterator<>() {
            private long index;
            private long fetched;
            private boolean done;

            @Override
            public boolean hasNext() {
                return !done;
            }

            @Override
            public MpPage<D> next() {
                if (done) {
                    throw new NoSuchElementException();
                }
                Map<String, String> all = new LinkedHashMap<>(params);
                all.putAll(pageParameters(index++, size));
                MpPage<D> page = fetch(query.route(), url(query.route(), all));
                fetched += page.data().size();
                done = page.data().size() < size || fetched >= limit
                        || fetched >= page.meta().totalDoc().orElse(Long.MAX_VALUE);
                return page;
            }
        };
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(pages, Spliterator.ORDERED), false)
                .flatMap(p -> p.data().stream());
    }

    private Map<String, String> pageParameters(long index, int size) {
        return switch (pagination) {
            case LIMIT_SKIP -> Map.of("_limit", Integer.toString(size), "_skip", Long.toString(index * size));
            case PAGE_PER_PAGE -> Map.of("_page", Long.toString(index + 1), "_per_page", Integer.toString(size));
        };
    }

    private HttpUrl url(MpRoute<?> route, Map<String, String> params) {
        HttpUrl.Builder url = baseUrl.newBuilder().addPathSegments(route.path());
        params.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> url.addQueryParameter(e.getKey(), e.getValue()));
        return url.build();
    }

    private <D> MpPage<D> fetch(MpRoute<D> route, HttpUrl url) {
        return cache.page(route, url.toString(), () -> transport.get(url));
    }

    /** Configures a {@link MaterialsProjectClient}; every setting but the key has a default. */
    public static final class Builder {
        private HttpUrl baseUrl = HttpUrl.get(DEFAULT_BASE_URL);
        private String apiKey;
        private int maxConcurrentRequests = 4;
        private int maxRetries = 5;
        private Duration initialBackoff = Duration.ofSeconds(1);
        private Duration maxBackoff = Duration.ofSeconds(60);
        private Duration callTimeout = Duration.ofSeconds(120);
        private Duration cacheTtl = Duration.ofHours(1);
        private long cacheMaximumSize = 1_000;
        private int maxIdCharacters = 1_500;
        private Pagination pagination = Pagination.LIMIT_SKIP;
        private Clock clock = Clock.systemUTC();
        private Optional<ResponseCacheStore> store = Optional.empty();
        private Duration purgeInterval = Duration.ofHours(1);

        private Builder() {
        }

        /**
         * Also keeps every answer in a tenant's persistent response cache (for example
         * {@code stores.tenant(id, actor).responseCache()}), for {@link #cacheTtl} from when it was
         * fetched, keyed by a hash of the request URL (which holds no API key). A client built later, in
         * this process or another, answers a repeated query from the store without a request. A page
         * read from the store is then kept in memory for up to {@link #cacheTtl} more. A store that fails
         * is logged and bypassed, never the cause of a failed query.
         *
         * @param store the tenant's response cache
         * @return this builder
         */
        public Builder responseStore(ResponseCacheStore store) {
            this.store = Optional.of(Objects.requireNonNull(store, "store"));
            return this;
        }

        /**
         * How often the client removes expired answers from its {@link #responseStore} (default 1 h;
         * {@link Duration#ZERO} turns the purge off, e.g. when a scheduled job of the host calls
         * {@link MaterialsProjectClient#purgeExpiredResponses()}). The purge runs on one daemon thread,
         * first one interval after the client is built, then one interval after each run ends; each run
         * is one statement on the tenant's store, and a run that fails is logged and tried again at the
         * next interval. Without a response store no thread is started.
         *
         * @param interval the time between purges, or zero
         * @return this builder
         * @throws IllegalArgumentException if {@code interval} is negative or null
         */
        public Builder purgeInterval(Duration interval) {
            if (interval == null || interval.isNegative()) {
                throw new IllegalArgumentException("purgeInterval must be zero or positive, got " + interval);
            }
            this.purgeInterval = interval;
            return this;
        }

        /**
         * The API's root (default {@value #DEFAULT_BASE_URL}).
         *
         * @return this builder
         * @throws IllegalArgumentException if {@code url} is not an http(s) URL
         */
        public Builder baseUrl(String url) {
            HttpUrl parsed = url == null ? null : HttpUrl.parse(url);
            if (parsed == null) {
                throw new IllegalArgumentException("baseUrl must be an http(s) URL, got '" + url + "'");
            }
            this.baseUrl = parsed;
            return this;
        }

        /**
         * The API key, sent as {@code x-api-key} (required).
         *
         * @return this builder
         * @throws IllegalArgumentException if the key is blank (the message does not show it)
         */
        public Builder apiKey(String key) {
            if (key == null || key.isBlank()) {
                throw new IllegalArgumentException("apiKey must not be blank");
            }
            this.apiKey = key.strip();
            return this;
        }

        /** Requests in flight at once, across all threads, 1 to 16 (default 4). @return this builder */
        public Builder maxConcurrentRequests(int n) {
            this.maxConcurrentRequests = within("maxConcurrentRequests", n, 1, 16);
            return this;
        }

        /** Retries of a 429, 502, 503, 504 or network failure, 0 to 20 (default 5). @return this builder */
        public Builder maxRetries(int n) {
            this.maxRetries = within("maxRetries", n, 0, 20);
            return this;
        }

        /**
         * The first backoff (default 1 s, doubled per retry with jitter) and the longest wait
         * (default 60 s); a {@code Retry-After} beyond the longest wait fails at once.
         *
         * @return this builder
         * @throws IllegalArgumentException if {@code initial} is negative or {@code max < initial}
         */
        public Builder backoff(Duration initial, Duration max) {
            if (initial.isNegative() || max.compareTo(initial) < 0) {
                throw new IllegalArgumentException("backoff needs 0 <= initial <= max, got " + initial + " and " + max);
            }
            this.initialBackoff = initial;
            this.maxBackoff = max;
            return this;
        }

        /** The longest a single request may take (default 120 s). @return this builder */
        public Builder callTimeout(Duration timeout) {
            this.callTimeout = positive("callTimeout", timeout);
            return this;
        }

        /** How long an answer is reused (default 1 h). @return this builder */
        public Builder cacheTtl(Duration ttl) {
            this.cacheTtl = positive("cacheTtl", ttl);
            return this;
        }

        /** How many answers (pages) the cache holds, 0 to disable (default 1,000). @return this builder */
        public Builder cacheMaximumSize(long pages) {
            if (pages < 0) {
                throw new IllegalArgumentException("cacheMaximumSize must be >= 0, got " + pages);
            }
            this.cacheMaximumSize = pages;
            return this;
        }

        /**
         * The longest comma-joined id list sent in one request, 20 to 6,000 characters (default 1,500).
         *
         * @return this builder
         */
        public Builder maxIdCharacters(int n) {
            this.maxIdCharacters = within("maxIdCharacters", n, 20, 6_000);
            return this;
        }

        /** How pages are asked for (default {@link Pagination#LIMIT_SKIP}). @return this builder */
        public Builder pagination(Pagination style) {
            this.pagination = Objects.requireNonNull(style, "pagination");
            return this;
        }

        /** The clock that {@code Retry-After} dates are compared with and store expiries start from (default UTC system clock). @return this builder */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * @return the client
         * @throws IllegalStateException if no API key was given
         */
        public MaterialsProjectClient build() {
            if (apiKey == null) {
                throw new IllegalStateException("apiKey is required (an API key from materialsproject.org/api)");
            }
            return new MaterialsProjectClient(this);
        }

        private static int within(String name, int n, int min, int max) {
            if (n < min || n > max) {
                throw new IllegalArgumentException(name + " must be " + min + ".." + max + ", got " + n);
            }
            return n;
        }

        private static Duration positive(String name, Duration d) {
            if (d == null || d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException(name + " must be positive, got " + d);
            }
            return d;
        }
    }
}
