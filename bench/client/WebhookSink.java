import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The webhook receiver of bench/webhooks.sh: answers every POST with 204 at once, counts
 * deliveries and duplicates (the same webhook-id on the same path twice) and keeps each delivery's
 * lag (arrival minus the body's webhookDate, the time of the write). JDK only, Java 17+.
 *
 * <p>A thread per connection reading HTTP/1.1 with keep-alive and Content-Length bodies (what the
 * service sends), and nothing more: the JDK's HttpServer cost about 0.5 ms of CPU per request,
 * more than the service spends sending one, and on two shared cores the receiver's cost is taken
 * from the service it measures.
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
    private static final byte[] NO_CONTENT =
            "HTTP/1.1 204 No Content\r\n\r\n".getBytes(StandardCharsets.US_ASCII);

    private static final AtomicLong count = new AtomicLong();
    private static final AtomicLong duplicates = new AtomicLong();
    private static final Set<String> seen = ConcurrentHashMap.newKeySet();
    private static final List<Long> lags = Collections.synchronizedList(new ArrayList<>());
    private static volatile long first;
    private static volatile long last;

    public static void main(String[] args) throws IOException {
        try (ServerSocket server = new ServerSocket(Integer.parseInt(args[0]), 1000, InetAddress.getLoopbackAddress())) {
            while (true) {
                Socket socket = server.accept();
                socket.setTcpNoDelay(true);
                Thread thread = new Thread(() -> serve(socket), "sink");
                thread.setDaemon(true);
                thread.start();
            }
        }
    }

    /** One request after another on a kept-alive connection, until the client closes it. */
    private static void serve(Socket socket) {
        try (socket;
                InputStream in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
                OutputStream out = socket.getOutputStream()) {
            while (true) {
                String requestLine = line(in);
                if (requestLine == null || requestLine.isEmpty()) {
                    return;
                }
                String[] parts = requestLine.split(" ");
                String method = parts[0];
                String path = parts[1];
                int length = 0;
                String webhookId = null;
                boolean close = false;
                for (String header = line(in); header != null && !header.isEmpty(); header = line(in)) {
                    int colon = header.indexOf(':');
                    String name = header.substring(0, colon).trim().toLowerCase(Locale.ROOT);
                    String value = header.substring(colon + 1).trim();
                    switch (name) {
                        case "content-length" -> length = Integer.parseInt(value);
                        case "webhook-id" -> webhookId = value;
                        case "connection" -> close = value.equalsIgnoreCase("close");
                        default -> {}
                    }
                }
                byte[] body = in.readNBytes(length);
                if (method.equals("GET") && path.equals("/stats")) {
                    byte[] answer = stats().getBytes(StandardCharsets.UTF_8);
                    out.write(("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: " + answer.length
                                    + "\r\n\r\n")
                            .getBytes(StandardCharsets.US_ASCII));
                    out.write(answer);
                } else {
                    if (method.equals("POST") && path.equals("/reset")) {
                        reset();
                    } else {
                        received(path, webhookId, new String(body, StandardCharsets.UTF_8));
                    }
                    out.write(NO_CONTENT);
                }
                out.flush();
                if (close) {
                    return;
                }
            }
        } catch (IOException | RuntimeException e) {
            // the client went away or sent what this sink does not read; the connection ends
        }
    }

    private static void received(String path, String webhookId, String body) {
        long now = System.currentTimeMillis();
        if (first == 0) {
            first = now;
        }
        last = now;
        count.incrementAndGet();
        if (!seen.add(path + " " + webhookId)) {
            duplicates.incrementAndGet();
        }
        Matcher date = DATE.matcher(body);
        if (date.find()) {
            lags.add(now - Instant.parse(date.group(1)).toEpochMilli());
        }
    }

    private static void reset() {
        count.set(0);
        duplicates.set(0);
        seen.clear();
        lags.clear();
        first = 0;
        last = 0;
    }

    /** A header line without its CRLF; null at the end of the stream. */
    private static String line(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder(64);
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                return line.length() == 0 ? null : line.toString();
            }
            if (b != '\r') {
                line.append((char) b);
            }
        }
        return line.toString();
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
