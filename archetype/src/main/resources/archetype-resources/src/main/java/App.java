package ${package};

import dev.strand.Context;
import dev.strand.Strand;
import dev.strand.annotation.Get;
import dev.strand.annotation.PathParam;
import dev.strand.annotation.Sse;
import dev.strand.annotation.Ws;
import dev.strand.middleware.StaticFiles;
import dev.strand.sse.SseEvent;
import dev.strand.websocket.WsMessage;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;

/**
 * The app: a plain HTTP route, a WebSocket echo and a Server-Sent Events clock, and the page in
 * {@code src/main/resources/public} that uses all three. Each request, connection and stream runs
 * on a virtual thread of its own, so handlers block as they like.
 */
public class App {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    /** GET /hello/ada answers the text "Hello, ada". */
    @Get("/hello/{name}")
    public String hello(@PathParam String name) {
        return "Hello, " + name;
    }

    /** Sends every message back as it came, text as text and binary as binary, until the peer closes. */
    @Ws("/echo")
    public void echo(Context ctx) {
        for (WsMessage message; (message = ctx.receive()) != null; ) {
            switch (message) {
                case WsMessage.Text text -> ctx.sendText(text.text());
                case WsMessage.Binary binary -> ctx.sendBinary(binary.bytes());
            }
        }
    }

    /** The server's clock, one event a second, for as long as the client listens. */
    @Sse("/clock")
    public void clock(Context ctx) throws InterruptedException {
        for (long tick = 1; !ctx.closed(); tick++) {
            ctx.sendEvent(SseEvent.data(LocalTime.now().format(TIME)).id(tick));
            Thread.sleep(1000);
        }
    }

    /** The app as {@code main} and the tests start it: the routes in this package, the files in {@code public/}. */
    public static Strand.Builder app() {
        return Strand.builder()
                .scan(App.class.getPackageName())
                .use(StaticFiles.classpath("public"));
    }

    public static void main(String[] args) {
        app().args(args).start();       // port 8080; --port N or the PORT environment variable for another
    }
}
