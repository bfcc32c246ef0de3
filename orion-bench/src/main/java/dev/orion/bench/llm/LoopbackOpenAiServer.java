package dev.orion.bench.llm;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.net.ServerSocketFactory;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;

/**
 * A MockWebServer on loopback answering every request with the same OpenAI chat completion. Its
 * sockets disable Nagle's algorithm, or MockWebServer's separate writes of head and body would wait
 * for delayed ACKs (about 40 ms per call on Linux).
 */
final class LoopbackOpenAiServer implements AutoCloseable {

    static final String ANSWER = "{\"id\":\"chatcmpl-bench\",\"object\":\"chat.completion\",\"model\":\"gpt-4o-mini\","
            + "\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\"Yttria-stabilised zirconia.\"},"
            + "\"finish_reason\":\"stop\"}],\"usage\":{\"prompt_tokens\":42,\"completion_tokens\":7,\"total_tokens\":49,"
            + "\"prompt_tokens_details\":{\"cached_tokens\":0}}}";

    private final MockWebServer server = new MockWebServer();

    LoopbackOpenAiServer() throws IOException {
        Logger.getLogger(MockWebServer.class.getName()).setLevel(Level.WARNING);
        server.setServerSocketFactory(new NoDelay());
        MockResponse response = new MockResponse.Builder().addHeader("Content-Type", "application/json").body(ANSWER).build();
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return response;
            }
        });
        server.start(InetAddress.getLoopbackAddress(), 0);
    }

    String baseUrl() {
        return server.url("/v1").toString();
    }

    @Override
    public void close() {
        server.close();
    }

    private static final class NoDelay extends ServerSocketFactory {
        @Override
        public ServerSocket createServerSocket() throws IOException {
            return new ServerSocket() {
                @Override
                public Socket accept() throws IOException {
                    Socket s = super.accept();
                    s.setTcpNoDelay(true);
                    return s;
                }
            };
        }

        @Override
        public ServerSocket createServerSocket(int port) throws IOException {
            ServerSocket s = createServerSocket();
            s.bind(new InetSocketAddress(port));
            return s;
        }

        @Override
        public ServerSocket createServerSocket(int port, int backlog) throws IOException {
            ServerSocket s = createServerSocket();
            s.bind(new InetSocketAddress(port), backlog);
            return s;
        }

        @Override
        public ServerSocket createServerSocket(int port, int backlog, InetAddress address) throws IOException {
            ServerSocket s = createServerSocket();
            s.bind(new InetSocketAddress(address, port), backlog);
            return s;
        }
    }
}
