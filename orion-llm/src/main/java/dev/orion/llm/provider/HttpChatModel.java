package dev.orion.llm.provider;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orion.llm.CallContext;
import dev.orion.llm.ChatChunk;
import dev.orion.llm.ChatModel;
import dev.orion.llm.ChatRequest;
import dev.orion.llm.ChatResponse;
import dev.orion.llm.ChatStreamListener;
import dev.orion.llm.EmbeddingModel;
import dev.orion.llm.EmbeddingRequest;
import dev.orion.llm.EmbeddingResponse;
import dev.orion.llm.LlmConfigurationException;
import dev.orion.llm.LlmProviderException;
import dev.orion.llm.StreamInterruptedException;
import dev.orion.llm.internal.ErrorText;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okio.BufferedSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link ChatModel} over OkHttp for one endpoint, parametrised by the provider's {@link WireFormat}; also the
 * provider's {@link EmbeddingModel} when the format has an embedding endpoint.
 */
final class HttpChatModel implements ChatModel, EmbeddingModel {

    private static final Logger LOG = LoggerFactory.getLogger(HttpChatModel.class);
    private static final MediaType JSON = MediaType.get("application/json");

    private final WireFormat format;
    private final ProviderSettings settings;
    private final OkHttpClient client;
    private final HttpUrl url;
    private final String name;
    private final Clock clock;
    private final List<String> secrets;

    HttpChatModel(WireFormat format, ProviderSettings settings, OkHttpClient client, Clock clock) {
        this.format = format;
        this.settings = settings;
        this.client = client;
        this.clock = clock;
        HttpUrl parsed = HttpUrl.parse(settings.baseUrl() + format.path());
        if (parsed == null) {
            throw new IllegalArgumentException("baseUrl is not a valid HTTP URL: '" + settings.baseUrl() + "'");
        }
        this.url = parsed;
        this.name = settings.name().orElse(format.provider());
        List<String> known = new ArrayList<>();
        settings.apiKey().ifPresent(known::add);
        known.addAll(settings.headers().values()); // e.g. Azure's api-key header
        this.secrets = known.stream().filter(v -> v.strip().length() >= 8).toList();
    }

    @Override
    public ChatResponse chat(ChatRequest request, CallContext context) {
        String model = modelOf(request);
        LOG.debug("{} chat with model {} for {}", name, model, context);
        Request http = httpRequest(request, model, false);
        try (Response response = client.newCall(http).execute()) {
            String requestId = requestId(response);
            if (!response.isSuccessful()) {
                throw httpError(response, model, requestId);
            }
            String body = response.body().string();
            return format.parseAnswer(Json.parseAnswer(body), model, requestId);
        } catch (MalformedAnswerException e) {
            throw malformed(model, e);
        } catch (IOException e) {
            throw ioFailure(model, e);
        }
    }

    @Override
    public EmbeddingResponse embed(EmbeddingRequest request, CallContext context) {
        EmbeddingFormat embeddings = format.embeddings().orElseThrow(() -> new LlmConfigurationException(
                format.provider() + " has no embedding endpoint; route embeddings to an OpenAI-compatible or Ollama model"));
        String model = request.model().orElseThrow(() -> new LlmConfigurationException(
                "a provider needs EmbeddingRequest.model(); the request named only profile '" + request.profile().orElse("") + "'"));
        HttpUrl target = HttpUrl.parse(settings.baseUrl() + embeddings.path());
        LOG.debug("{} embedding of {} inputs with model {} for {}", name, request.inputs().size(), model, context);
        Request.Builder b = new Request.Builder().url(target).post(RequestBody.create(embeddings.requestBody(request, model), JSON));
        settings.headers().forEach(b::header);
        format.authenticate(b, settings);
        try (Response response = client.newCall(b.build()).execute()) {
            String requestId = requestId(response);
            if (!response.isSuccessful()) {
                throw httpError(response, model, requestId);
            }
            return embeddings.parseAnswer(Json.parseAnswer(response.body().string()), model, request.inputs().size());
        } catch (MalformedAnswerException e) {
            throw malformed(model, e);
        } catch (IOException e) {
            throw ioFailure(model, e);
        }
    }

    @Override
    public ChatResponse stream(ChatRequest request, CallContext context, ChatStreamListener listener) {
        String model = modelOf(request);
        LOG.debug("{} stream with model {} for {}", name, model, context);
        Request http = httpRequest(request, model, true);
        StreamProgress progress = new StreamProgress(listener);
        try (Response response = client.newCall(http).execute()) {
            String requestId = requestId(response);
            if (!response.isSuccessful()) {
                throw httpError(response, model, requestId);
            }
            StreamDecoder decoder = format.newStreamDecoder(model, requestId);
            BufferedSource source = response.body().source();
            if (format.ndjsonStream()) {
                readNdjson(source, decoder, progress);
            } else {
                readSse(source, decoder, progress);
            }
            if (!decoder.complete()) {
                throw LlmProviderException.builder(name, model, LlmProviderException.Kind.NETWORK)
                        .requestId(requestId).detail("stream ended before its end marker").retryable(true).build();
            }
            return decoder.finish();
        } catch (MalformedAnswerException e) {
            throw progress.wrap(model, malformed(model, e));
        } catch (IOException e) {
            throw progress.wrap(model, ioFailure(model, e));
        } catch (LlmProviderException e) {
            throw progress.wrap(model, e);
        }
    }

    private void readNdjson(BufferedSource source, StreamDecoder decoder, Consumer<ChatChunk> emit) throws IOException {
        String line;
        while (!decoder.complete() && (line = source.readUtf8Line()) != null) {
            if (!line.isBlank()) {
                decoder.onEvent(null, Json.parseAnswer(withoutSecrets(line)), emit);
            }
        }
    }

    private void readSse(BufferedSource source, StreamDecoder decoder, Consumer<ChatChunk> emit) throws IOException {
        String event = null;
        StringBuilder data = new StringBuilder();
        String line;
        while (!decoder.complete() && (line = source.readUtf8Line()) != null) {
            if (line.isEmpty()) {
                if (data.length() > 0) {
                    dispatch(decoder, event, withoutSecrets(data.toString()), emit);
                }
                event = null;
                data.setLength(0);
            } else if (line.startsWith(":")) {
                continue; // SSE comment (keep-alive)
            } else if (line.startsWith("event:")) {
                event = line.substring(6).strip();
            } else if (line.startsWith("data:")) {
                if (data.length() > 0) {
                    data.append('\n');
                }
                data.append(line.substring(5).stripLeading());
            }
        }
        if (!decoder.complete() && data.length() > 0) {
            dispatch(decoder, event, withoutSecrets(data.toString()), emit);
        }
    }

    /** A stream line with the configured secrets removed (an error event may echo the key). */
    private String withoutSecrets(String data) {
        for (String secret : secrets) {
            if (data.contains(secret)) {
                return ErrorText.redact(data, secrets);
            }
        }
        return data;
    }

    private static void dispatch(StreamDecoder decoder, String event, String data, Consumer<ChatChunk> emit) {
        if (data.startsWith("{")) {
            decoder.onEvent(event, Json.parseAnswer(data), emit);
        } else if (!decoder.onRawData(data)) {
            throw new MalformedAnswerException("unexpected stream data '" + data + "'");
        }
    }

    private Request httpRequest(ChatRequest request, String model, boolean stream) {
        Request.Builder b = new Request.Builder().url(url)
                .post(RequestBody.create(format.requestBody(request, model, stream, settings), JSON));
        if (stream) {
            b.header("Accept", format.ndjsonStream() ? "application/x-ndjson" : "text/event-stream");
        }
        settings.headers().forEach(b::header);
        format.authenticate(b, settings);
        return b.build();
    }

    private static String modelOf(ChatRequest request) {
        return request.model().orElseThrow(() -> new LlmConfigurationException(
                "a provider needs ChatRequest.model(); the request named only profile '" + request.profile().orElse("") + "'"));
    }

    private LlmProviderException httpError(Response response, String model, String requestId) throws IOException {
        String body = ErrorText.redact(response.body().string(), secrets);
        LlmProviderException e = ErrorMapping.fromHttp(name, model, response.code(), body, requestId,
                RetryAfter.parse(response.code(), response.headers(), clock.instant()));
        LOG.debug("{}", e.getMessage());
        return e;
    }

    private LlmProviderException malformed(String model, MalformedAnswerException e) {
        return LlmProviderException.builder(name, model, LlmProviderException.Kind.MALFORMED_RESPONSE)
                .detail(e.getMessage()).retryable(true).cause(e).build();
    }

    private LlmProviderException ioFailure(String model, IOException e) {
        LlmProviderException.Kind kind = e instanceof InterruptedIOException
                ? LlmProviderException.Kind.TIMEOUT : LlmProviderException.Kind.NETWORK;
        return LlmProviderException.builder(name, model, kind).detail(String.valueOf(e.getMessage()))
                .retryable(true).cause(e).build();
    }

    private static String requestId(Response response) {
        String id = response.header("x-request-id");
        return id != null ? id : response.header("request-id");
    }

    @Override
    public String toString() {
        return format.provider() + "ChatModel{" + settings + "}";
    }

    /** Counts and keeps what reached the listener, so a late failure becomes a {@link StreamInterruptedException}. */
    private static final class StreamProgress implements Consumer<ChatChunk> {
        private final ChatStreamListener listener;
        private final StringBuilder text = new StringBuilder();
        private int delivered;

        StreamProgress(ChatStreamListener listener) {
            this.listener = listener;
        }

        @Override
        public void accept(ChatChunk chunk) {
            delivered++;
            if (chunk.kind() == ChatChunk.Kind.TEXT) {
                text.append(chunk.text());
            }
            listener.onChunk(chunk);
        }

        RuntimeException wrap(String model, LlmProviderException e) {
            return delivered == 0 ? e : new StreamInterruptedException(model, delivered, text.toString(), e);
        }
    }
}
