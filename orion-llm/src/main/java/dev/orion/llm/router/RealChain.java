package dev.orion.llm.router;

import dev.orion.llm.ChatRequest;
import dev.orion.llm.ChatResponse;
import java.util.List;

/** The chain of links of one call; each {@code proceed} creates the view of the next link. */
final class RealChain implements RouterLink.Chain {

    private final List<RouterLink> links;
    private final int index;
    private final ChatRequest request;
    private final RoutedCall call;

    RealChain(List<RouterLink> links, int index, ChatRequest request, RoutedCall call) {
        this.links = links;
        this.index = index;
        this.request = request;
        this.call = call;
    }

    @Override
    public ChatRequest request() {
        return request;
    }

    @Override
    public RoutedCall call() {
        return call;
    }

    @Override
    public ChatResponse proceed(ChatRequest next) {
        if (index >= links.size()) {
            throw new IllegalStateException("the last link of the router chain must answer, not proceed");
        }
        return links.get(index).intercept(new RealChain(links, index + 1, next, call));
    }
}
