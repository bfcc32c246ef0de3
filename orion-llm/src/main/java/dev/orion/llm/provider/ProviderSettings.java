package dev.orion.llm.provider;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * How to reach one provider endpoint: base URL, API key, timeouts and extra headers.
 *
 * <p>{@link #toString()} never shows the API key.
 */
public final class ProviderSettings {

    private final String name;
    private final URI baseUrl;
    private final String apiKey;
    private final Duration connectTimeout;
    private final Duration readTimeout;
    private final Duration callTimeout;
    private final Map<String, String> headers;
    private final int defaultMaxTokens;
    private final boolean legacyMaxTokens;
    private final List<Map.Entry<Pattern, ModelCapabilities>> capabilities;

    private ProviderSettings(Builder b) {
        this.name = b.name;
        this.baseUrl = Objects.requireNonNull(b.baseUrl, "baseUrl must be set");
        this.apiKey = b.apiKey;
        this.connectTimeout = b.connectTimeout;
        this.readTimeout = b.readTimeout;
        this.callTimeout = b.callTimeout;
        this.headers = Map.copyOf(b.headers);
        this.defaultMaxTokens = b.defaultMaxTokens;
        this.legacyMaxTokens = b.legacyMaxTokens;
        this.capabilities = List.copyOf(b.capabilities);
    }

    /** A new builder with the defaults: connect 10 s, read 60 s, total 300 s. */
    public static Builder builder() {
        return new Builder();
    }

    /** A name for logs and errors (defaults to the provider kind). */
    public Optional<String> name() {
        return Optional.ofNullable(name);
    }

    /** The base URL, e.g. {@code https://api.openai.com/v1} (the API path is appended). */
    public URI baseUrl() {
        return baseUrl;
    }

    /** The API key, if the endpoint needs one. */
    public Optional<String> apiKey() {
        return Optional.ofNullable(apiKey);
    }

    /** The connect timeout. */
    public Duration connectTimeout() {
        return connectTimeout;
    }

    /** The longest silence between two reads (also between two stream events). */
    public Duration readTimeout() {
        return readTimeout;
    }

    /** The longest a whole call may take, stream included. */
    public Duration callTimeout() {
        return callTimeout;
    }

    /** Extra headers sent with every request (e.g. OpenRouter's {@code HTTP-Referer}). */
    public Map<String, String> headers() {
        return headers;
    }

    /** The {@code max_tokens} sent when a request has none and the provider requires one (Anthropic). */
    public int defaultMaxTokens() {
        return defaultMaxTokens;
    }

    /**
     * Whether an OpenAI-compatible request carries the output limit as the deprecated {@code max_tokens}
     * (for servers that know only it) instead of {@code max_completion_tokens}.
     */
    public boolean legacyMaxTokens() {
        return legacyMaxTokens;
    }

    /** What a model accepts: the overrides of these settings first, then the built-in table. */
    ModelCapabilities capabilities(String model) {
        return ModelCapabilities.of(model, capabilities);
    }

    @Override
    public String toString() {
        return "ProviderSettings{name=" + name + ", baseUrl=" + baseUrl + ", apiKey=" + (apiKey == null ? "none" : "***")
                + ", connectTimeout=" + connectTimeout + ", readTimeout=" + readTimeout + ", callTimeout=" + callTimeout + "}";
    }

    /** Collects {@link ProviderSettings}. */
    public static final class Builder {
        private String name;
        private URI baseUrl;
        private String apiKey;
        private Duration connectTimeout = Duration.ofSeconds(10);
        private Duration readTimeout = Duration.ofSeconds(60);
        private Duration callTimeout = Duration.ofSeconds(300);
        private final Map<String, String> headers = new LinkedHashMap<>();
        private int defaultMaxTokens = 4096;
        private boolean legacyMaxTokens;
        private final List<Map.Entry<Pattern, ModelCapabilities>> capabilities = new ArrayList<>();

        private Builder() {
        }

        /**
         * Sends the output limit as {@code max_tokens} instead of {@code max_completion_tokens} (OpenAI-compatible
         * servers that predate the new field). Default false.
         *
         * @param legacy whether to send {@code max_tokens}
         * @return this
         */
        public Builder legacyMaxTokens(boolean legacy) {
            this.legacyMaxTokens = legacy;
            return this;
        }

        /**
         * Declares what the models whose id matches {@code modelIdRegex} (the whole id) accept, ahead of the
         * built-in table; the first matching declaration wins.
         *
         * @param modelIdRegex a regular expression over the provider's model id
         * @param capabilities what those models accept
         * @return this
         * @throws IllegalArgumentException if the expression does not compile
         */
        public Builder modelCapabilities(String modelIdRegex, ModelCapabilities capabilities) {
            Objects.requireNonNull(modelIdRegex, "modelIdRegex");
            Objects.requireNonNull(capabilities, "capabilities");
            try {
                this.capabilities.add(Map.entry(Pattern.compile(modelIdRegex), capabilities));
            } catch (PatternSyntaxException e) {
                throw new IllegalArgumentException("modelIdRegex is not a regular expression: '" + modelIdRegex + "'", e);
            }
            return this;
        }

        /** @param name a name for logs @return this */
        public Builder name(String name) {
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("name must not be blank, was '" + name + "'");
            }
            this.name = name;
            return this;
        }

        /** @param baseUrl an http(s) URL @return this */
        public Builder baseUrl(String baseUrl) {
            Objects.requireNonNull(baseUrl, "baseUrl");
            URI uri = URI.create(baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl);
            if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())) {
                throw new IllegalArgumentException("baseUrl must be http or https, was '" + baseUrl + "'");
            }
            this.baseUrl = uri;
            return this;
        }

        /** @param apiKey the secret key @return this */
        public Builder apiKey(String apiKey) {
            if (apiKey == null || apiKey.isBlank()) {
                throw new IllegalArgumentException("apiKey must not be blank");
            }
            this.apiKey = apiKey;
            return this;
        }

        /** @param timeout positive @return this */
        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = positive("connectTimeout", timeout);
            return this;
        }

        /** @param timeout positive @return this */
        public Builder readTimeout(Duration timeout) {
            this.readTimeout = positive("readTimeout", timeout);
            return this;
        }

        /** @param timeout positive @return this */
        public Builder callTimeout(Duration timeout) {
            this.callTimeout = positive("callTimeout", timeout);
            return this;
        }

        /** @param name header name @param value header value @return this */
        public Builder header(String name, String value) {
            headers.put(Objects.requireNonNull(name, "header name"), Objects.requireNonNull(value, "header value"));
            return this;
        }

        /** @param maxTokens positive @return this */
        public Builder defaultMaxTokens(int maxTokens) {
            if (maxTokens <= 0) {
                throw new IllegalArgumentException("defaultMaxTokens must be > 0, was " + maxTokens);
            }
            this.defaultMaxTokens = maxTokens;
            return this;
        }

        /** @return the settings */
        public ProviderSettings build() {
            return new ProviderSettings(this);
        }

        private static Duration positive(String name, Duration d) {
            Objects.requireNonNull(d, name);
            if (d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException(name + " must be positive, was " + d);
            }
            return d;
        }
    }
}
