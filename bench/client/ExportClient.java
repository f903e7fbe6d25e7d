import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Exports every row of a list the two ways a client can (bench/export.sh, issue 9): following
 * {@code cursor} links one page after another, or as the Fount SDK does, reading page 1 for the
 * total and then every page number at once, {@code --parallel} at a time. Standalone (JDK only):
 * {@code java bench/client/ExportClient.java cursor|pages --base URL --token T --path P [--per-page N] [--parallel N]}.
 *
 * <p>Prints one line: mode, rows, distinct ids, pages, seconds, non-200 answers. Any non-200
 * answer, a duplicate or a missing row (distinct ids short of the total) makes the export wrong.
 */
public class ExportClient {

    private static final Pattern ID = Pattern.compile("\"id\":(\\d+)");
    private static final Pattern TOTAL = Pattern.compile("\"total\":(\\d+)");
    private static final Pattern NEXT = Pattern.compile("\"next_cursor\":\"([^\"]+)\"");

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final String base;
    private final String token;

    private ExportClient(String base, String token) {
        this.base = base;
        this.token = token;
    }

    public static void main(String[] args) throws Exception {
        String mode = args[0];
        String base = option(args, "--base", null);
        String token = option(args, "--token", null);
        String path = option(args, "--path", "/api/v2/collections");
        int perPage = Integer.parseInt(option(args, "--per-page", "1000"));
        int parallel = Integer.parseInt(option(args, "--parallel", "16"));
        ExportClient client = new ExportClient(base, token);
        long started = System.nanoTime();
        Result result = mode.equals("cursor")
                ? client.byCursor(path, perPage)
                : client.byPageNumbers(path, perPage, parallel);
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf(
                "%s\t%d rows\t%d distinct\t%d pages\t%.2f s\t%d non-200%s%n",
                mode,
                result.rows,
                result.ids.size(),
                result.pages,
                seconds,
                result.failures,
                result.total >= 0 ? "\ttotal " + result.total : "");
    }

    private Result byCursor(String path, int perPage) throws Exception {
        Result result = new Result();
        String cursor = "";
        while (cursor != null) {
            String body = get(path + "?per_page=" + perPage + "&cursor=" + cursor, result);
            cursor = null;
            if (body != null) {
                result.add(body);
                Matcher next = NEXT.matcher(body);
                cursor = next.find() ? next.group(1) : null;
            }
        }
        return result;
    }

    private Result byPageNumbers(String path, int perPage, int parallel) throws Exception {
        Result result = new Result();
        String first = get(path + "?per_page=" + perPage + "&page=1", result);
        Matcher total = TOTAL.matcher(first);
        total.find();
        result.total = Long.parseLong(total.group(1));
        result.add(first);
        long pages = (result.total + perPage - 1) / perPage;
        ExecutorService threads = Executors.newFixedThreadPool(parallel);
        try {
            List<Future<String>> answers = new ArrayList<>();
            for (long page = 2; page <= pages; page++) {
                String uri = path + "?per_page=" + perPage + "&page=" + page;
                answers.add(threads.submit(() -> get(uri, result)));
            }
            for (Future<String> answer : answers) {
                String body = answer.get();
                if (body != null) {
                    result.add(body);
                }
            }
        } finally {
            threads.shutdown();
        }
        return result;
    }

    private String get(String pathAndQuery, Result result) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + pathAndQuery))
                .header("Authorization", "Bearer " + token)
                .timeout(Duration.ofSeconds(60))
                .build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            synchronized (result) {
                result.failures++;
            }
            System.err.println(response.statusCode() + " " + pathAndQuery + " " + response.body());
            return null;
        }
        return response.body();
    }

    private static String option(String[] args, String name, String fallback) {
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        if (fallback == null) {
            throw new IllegalArgumentException(name + " is required");
        }
        return fallback;
    }

    private static final class Result {
        final Set<Long> ids = new HashSet<>();
        long rows;
        long pages;
        long failures;
        long total = -1;

        synchronized void add(String body) {
            pages++;
            // the ids of the items: "id" keys at the top level of each item come first in it
            Matcher id = ID.matcher(body.substring(0, Math.max(0, body.lastIndexOf("\"meta\""))));
            while (id.find()) {
                rows++;
                ids.add(Long.parseLong(id.group(1)));
            }
        }
    }
}
