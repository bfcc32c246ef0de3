package dev.orion.llm;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A provider refused or failed a call: an HTTP error status, a network failure or timeout, an error
 * event inside a stream, or an answer that could not be parsed.
 *
 * <p>Retryability follows the providers' own SDKs: 408, 409, 429, 5xx and 529 (overloaded) are
 * retryable; 400, 401, 403, 404 and 422 are not, nor is OpenAI's {@code insufficient_quota} (a 429 that
 * only a payment fixes).
 */
public final class LlmProviderException extends LlmException {

    private static final long serialVersionUID = 1L;

    /** What kind of failure it was, independent of the provider's vocabulary. */
    public enum Kind {
        /** The provider answered with an error status or error body. */
        HTTP_ERROR,
        /** The connection could not be made or broke. */
        NETWORK,
        /** A connect, read or total timeout expired. */
        TIMEOUT,
        /** The answer was not valid JSON or not in the provider's format. */
        MALFORMED_RESPONSE,
        /** The provider sent an error event in the middle of a stream. */
        STREAM_ERROR
    }

    private final String provider;
    private final String model;
    private final Kind kind;
    private final int status;
    private final String errorType;
    private final String errorCode;
    private final String requestId;
    private final boolean contextWindowExceeded;

    private LlmProviderException(Builder b) {
        super(b.message(), b.retryable, b.retryAfter, b.cause);
        this.provider = b.provider;
        this.model = b.model;
        this.kind = b.kind;
        this.status = b.status;
        this.errorType = b.errorType;
        this.errorCode = b.errorCode;
        this.requestId = b.requestId;
        this.contextWindowExceeded = b.contextWindowExceeded;
    }

    /**
     * Starts a builder.
     *
     * @param provider the provider name ({@code openai}, {@code anthropic}, {@code ollama} ...)
     * @param model    the model called
     * @param kind     the kind of failure
     * @return the builder
     */
    public static Builder builder(String provider, String model, Kind kind) {
        return new Builder(provider, model, kind);
    }

    /** The provider that failed. */
    public String provider() {
        return provider;
    }

    /** The model called. */
    public String model() {
        return model;
    }

    /** The kind of failure. */
    public Kind kind() {
        return kind;
    }

    /** The HTTP status, when the provider answered with one. */
    public OptionalInt status() {
        return status > 0 ? OptionalInt.of(status) : OptionalInt.empty();
    }

    /** The provider's error type ({@code rate_limit_error}, {@code invalid_request_error} ...). */
    public Optional<String> errorType() {
        return Optional.ofNullable(errorType);
    }

    /** The provider's error code ({@code insufficient_quota}, {@code context_length_exceeded} ...). */
    public Optional<String> errorCode() {
        return Optional.ofNullable(errorCode);
    }

    /** The provider's request id, to quote to its support. */
    public Optional<String> requestId() {
        return Optional.ofNullable(requestId);
    }

    /** Whether the prompt did not fit the model's context window (a larger model may take it). */
    public boolean contextWindowExceeded() {
        return contextWindowExceeded;
    }

    /** Collects the details of a {@link LlmProviderException}. */
    public static final class Builder {
        private final String provider;
        private final String model;
        private final Kind kind;
        private int status;
        private String errorType;
        private String errorCode;
        private String detail = "";
        private String requestId;
        private boolean retryable;
        private Duration retryAfter;
        private boolean contextWindowExceeded;
        private Throwable cause;

        private Builder(String provider, String model, Kind kind) {
            this.provider = Objects.requireNonNull(provider, "provider");
            this.model = Objects.requireNonNull(model, "model");
            this.kind = Objects.requireNonNull(kind, "kind");
        }

        /** @param status the HTTP status @return this */
        public Builder status(int status) {
            this.status = status;
            return this;
        }

        /** @param errorType the provider's error type, may be null @return this */
        public Builder errorType(String errorType) {
            this.errorType = errorType;
            return this;
        }

        /** @param errorCode the provider's error code, may be null @return this */
        public Builder errorCode(String errorCode) {
            this.errorCode = errorCode;
            return this;
        }

        /** @param detail the provider's error message, may be null @return this */
        public Builder detail(String detail) {
            this.detail = detail == null ? "" : detail;
            return this;
        }

        /** @param requestId the provider's request id, may be null @return this */
        public Builder requestId(String requestId) {
            this.requestId = requestId;
            return this;
        }

        /** @param retryable whether trying again may help @return this */
        public Builder retryable(boolean retryable) {
            this.retryable = retryable;
            return this;
        }

        /** @param retryAfter the wait the provider asked for, may be null @return this */
        public Builder retryAfter(Duration retryAfter) {
            this.retryAfter = retryAfter;
            return this;
        }

        /** @param exceeded whether the prompt did not fit @return this */
        public Builder contextWindowExceeded(boolean exceeded) {
            this.contextWindowExceeded = exceeded;
            return this;
        }

        /** @param cause the underlying failure, may be null @return this */
        public Builder cause(Throwable cause) {
            this.cause = cause;
            return this;
        }

        /** @return the exception */
        public LlmProviderException build() {
            return new LlmProviderException(this);
        }

        private String message() {
            StringBuilder sb = new StringBuilder();
            sb.append(provider).append(" model '").append(model).append("' failed: ").append(kind);
            if (status > 0) {
                sb.append(" HTTP ").append(status);
            }
            if (errorType != null) {
                sb.append(" type=").append(errorType);
            }
            if (errorCode != null) {
                sb.append(" code=").append(errorCode);
            }
            if (!detail.isEmpty()) {
                sb.append(": ").append(detail);
            }
            sb.append(retryable ? " (retryable" : " (not retryable");
            if (retryAfter != null) {
                sb.append(", retry after ").append(retryAfter.toMillis()).append(" ms");
            }
            sb.append(')');
            if (requestId != null) {
                sb.append(" request-id=").append(requestId);
            }
            return sb.toString();
        }
    }
}
