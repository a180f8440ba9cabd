package dev.strand.bench.load;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.channels.NetworkChannel;
import java.nio.channels.SelectableChannel;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.eclipse.jetty.io.ClientConnector;

/**
 * A Jetty {@link ClientConnector} that binds each new socket to the next of several loopback source
 * addresses, 127.0.1.1 to 127.0.1.K, round robin. One source address gives at most ~28k ephemeral
 * ports; spreading keeps the client far from that limit and lets one client, with one selector,
 * hold every connection of a run.
 */
final class SpreadConnector extends ClientConnector {

    private final List<InetSocketAddress> sources;
    private final AtomicInteger next = new AtomicInteger();

    SpreadConnector(int sourceCount) {
        if (sourceCount < 1 || sourceCount > 254) {
            throw new IllegalArgumentException("source addresses must be 1 to 254, not " + sourceCount);
        }
        this.sources = IntStream.rangeClosed(1, sourceCount).mapToObj(i -> new InetSocketAddress("127.0.1." + i, 0)).toList();
    }

    @Override
    protected void configure(SelectableChannel selectable) throws IOException {
        super.configure(selectable);
        if (selectable instanceof NetworkChannel channel) {
            channel.bind(sources.get(Math.floorMod(next.getAndIncrement(), sources.size())));
        }
    }
}
