import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The webhook receiver of bench/webhooks.sh: answers every POST with 204 at once, counts
 * deliveries and duplicates (the same webhook-id on the same path twice) and keeps each delivery's
 * lag (arrival minus the body's webhookDate, the time of the write). JDK only, Java 17+.
 *
 * <pre>
 * java WebhookSink.java PORT
 *   POST /anything     a delivery
 *   GET  /stats        "count duplicates lag_p50_ms lag_p99_ms lag_max_ms first_arrival_ms last_arrival_ms"
 *   POST /reset        forgets everything
 * </pre>
 */
public class WebhookSink {

    private static final Pattern DATE = Pattern.compile("\"webhookDate\":\"([^\"]+)\"");

    private static final AtomicLong count = new AtomicLong();
    private static final AtomicLong duplicates = new AtomicLong();
    private static final Set<String> seen = ConcurrentHashMap.newKeySet();
    private static final List<Long> lags = Collections.synchronizedList(new ArrayList<>());
    private static volatile long first;
    private static volatile long last;

    public static void main(String[] args) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), Integer.parseInt(args[0])), 1000);
        server.setExecutor(Executors.newFixedThreadPool(64));
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            String method = exchange.getRequestMethod();
            byte[] answer = new byte[0];
            int status = 204;
            try (InputStream in = exchange.getRequestBody()) {
                if (method.equals("GET") && path.equals("/stats")) {
                    answer = stats().getBytes(StandardCharsets.UTF_8);
                    status = 200;
                } else if (method.equals("POST") && path.equals("/reset")) {
                    count.set(0);
                    duplicates.set(0);
                    seen.clear();
                    lags.clear();
                    first = 0;
                    last = 0;
                } else {
                    String body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                    long now = System.currentTimeMillis();
                    if (first == 0) {
                        first = now;
                    }
                    last = now;
                    count.incrementAndGet();
                    if (!seen.add(path + " " + exchange.getRequestHeaders().getFirst("webhook-id"))) {
                        duplicates.incrementAndGet();
                    }
                    Matcher date = DATE.matcher(body);
                    if (date.find()) {
                        lags.add(now - Instant.parse(date.group(1)).toEpochMilli());
                    }
                }
            }
            exchange.sendResponseHeaders(status, status == 204 ? -1 : answer.length);
            if (answer.length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(answer);
                }
            }
            exchange.close();
        });
        server.start();
    }

    private static String stats() {
        List<Long> sorted;
        synchronized (lags) {
            sorted = new ArrayList<>(lags);
        }
        Collections.sort(sorted);
        return count.get() + " " + duplicates.get() + " " + at(sorted, 0.50) + " " + at(sorted, 0.99) + " "
                + (sorted.isEmpty() ? 0 : sorted.get(sorted.size() - 1)) + " " + first + " " + last + "\n";
    }

    private static long at(List<Long> sorted, double quantile) {
        return sorted.isEmpty() ? 0 : sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(quantile * sorted.size()) - 1));
    }
}
