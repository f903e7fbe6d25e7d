import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CountDownLatch;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The many-users client of bench/writes.sh and bench/crash.sh (issue 8): one thread and one HTTP
 * connection per user, each user writing only their own data. Standalone (JDK only, Java 17+):
 * the scripts compile it with javac into bench/data/client.
 *
 * <pre>
 * users   --base URL --admin-token T --count N --prefix P --out FILE
 *           creates N users over the API, a token for each and two assets each; FILE gets one line per
 *           user: user_id TAB token TAB asset_id,asset_id
 * mixed   --base URL --tokens FILE [--users N] --duration 20s [--rate R] [--keep-every K] [--log FILE] [--details FILE]
 *           each user loops: create a private collection, rename it, create an asset, add three of
 *           their assets, move one to the front, remove one, share it with the next user, unshare,
 *           delete it. --rate paces each user to at most R writes/s (0: as fast as answers come).
 *           --keep-every K: every K-th cycle stops after the share (the collection stays, shared).
 *           --log: every write is logged before it is sent (S) and when answered (A: 2xx, F: other
 *           status or ERR), with the state the collection has if the write took effect.
 * creates --base URL --tokens FILE [--users N] --duration 20s [--details FILE]
 *           each user creates single private collections in a loop.
 * verify  --tokens FILE --log FILE --dump DIR
 *           checks a --log against DIR/collections.tsv (id, owner_id, name), members.tsv
 *           (collection_id, asset_id, position), shares.tsv (collection_id, user_id) and assets.tsv
 *           (id, owner_id); exit status 1 and one line per mismatch when they disagree.
 * </pre>
 *
 * The load modes print one line on stdout, "ok/s | p50 | p99 | 5xx | other non-2xx | errors", over
 * the requests answered within the duration (latency of every answered request, 2xx or not;
 * errors: no answer, e.g. refused or reset connections, timeouts), and write a per-request-kind
 * table to --details. Requests still running at the end are not counted, as with wrk.
 */
public class LoadClient {

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            usage();
        }
        Map<String, String> options = options(Arrays.copyOfRange(args, 1, args.length));
        switch (args[0]) {
            case "users" -> createUsers(options);
            case "mixed", "creates" -> load(args[0], options);
            case "verify" -> System.exit(new Verifier(options).run());
            default -> usage();
        }
    }

    private static void usage() {
        System.err.println("usage: LoadClient users|mixed|creates|verify --option value ... (see the source)");
        System.exit(2);
    }

    // ---------------------------------------------------------------- setting up users

    private static final Pattern ID = Pattern.compile("^\\{\"data\":\\{\"id\":(\\d+)");
    private static final Pattern TOKEN = Pattern.compile("\"token\":\"([^\"]+)\"");
    private static final String SCOPES =
            "[\"collections:read\", \"collections:write\", \"assets:read\", \"assets:write\", \"webhooks:read\", \"webhooks:write\"]";

    private static void createUsers(Map<String, String> o) throws Exception {
        String base = required(o, "base");
        String admin = required(o, "admin-token");
        int count = Integer.parseInt(required(o, "count"));
        String prefix = required(o, "prefix");
        HttpClient http = client();
        List<String> lines = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            String user = id(post(http, base, admin, "/api/v2/users",
                    "{\"name\": \"" + prefix + " " + i + "\", \"email\": \"" + prefix + "-" + i + "@example.com\"}"));
            Matcher token = TOKEN.matcher(post(http, base, admin, "/api/v2/users/" + user + "/tokens",
                    "{\"name\": \"bench\", \"scopes\": " + SCOPES + "}"));
            if (!token.find()) {
                throw new IllegalStateException("no token in the answer for user " + user);
            }
            String asset1 = id(post(http, base, token.group(1), "/api/v2/assets", assetBody(user + "-setup-1")));
            String asset2 = id(post(http, base, token.group(1), "/api/v2/assets", assetBody(user + "-setup-2")));
            lines.add(user + "\t" + token.group(1) + "\t" + asset1 + "," + asset2);
        }
        Files.write(Path.of(required(o, "out")), lines);
    }

    private static String post(HttpClient http, String base, String token, String path, String body) throws Exception {
        HttpResponse<String> response = http.send(request(base, token, "POST", path, body),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 201) {
            throw new IllegalStateException("POST " + path + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    private static String id(String body) {
        Matcher m = ID.matcher(body);
        if (!m.find()) {
            throw new IllegalStateException("no id in " + body);
        }
        return m.group(1);
    }

    static String assetBody(String tag) {
        return "{\"name\": \"Bench asset " + tag + "\", \"asset_type\": \"image\", \"mime_type\": \"image/png\", "
                + "\"url\": \"https://cdn.example.com/bench/" + tag + ".png\"}";
    }

    static HttpClient client() {
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    static HttpRequest request(String base, String token, String method, String path, String body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + token);
        if (body == null) {
            return b.method(method, HttpRequest.BodyPublishers.noBody()).build();
        }
        return b.header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body))
                .build();
    }

    // ---------------------------------------------------------------- load

    /** One bench user from the --tokens file. */
    record User(long id, String token, List<Long> assets) {}

    static List<User> users(Path file) throws IOException {
        List<User> users = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            if (line.isBlank()) {
                continue;
            }
            String[] f = line.split("\t");
            List<Long> assets = new ArrayList<>();
            for (String a : f[2].split(",")) {
                assets.add(Long.parseLong(a));
            }
            users.add(new User(Long.parseLong(f[0]), f[1], assets));
        }
        return users;
    }

    /** Counters and latencies of one kind of request; answers after the deadline are not counted. */
    static final class Stats {
        long requests, ok, server, other, errors;
        long[] latencies = new long[1024];
        int n;
        final Map<String, Long> failures = new TreeMap<>();

        synchronized void record(int status, long nanos, String error) {
            if (!counting) {
                return;
            }
            requests++;
            if (error != null) {
                errors++;
                failures.merge(error, 1L, Long::sum);
                return;
            }
            if (n == latencies.length) {
                latencies = Arrays.copyOf(latencies, n * 2);
            }
            latencies[n++] = nanos;
            if (status >= 200 && status < 300) {
                ok++;
            } else {
                if (status >= 500) {
                    server++;
                } else {
                    other++;
                }
                failures.merge(Integer.toString(status), 1L, Long::sum);
            }
        }

        synchronized void addTo(Stats total) {
            total.requests += requests;
            total.ok += ok;
            total.server += server;
            total.other += other;
            total.errors += errors;
            for (int i = 0; i < n; i++) {
                if (total.n == total.latencies.length) {
                    total.latencies = Arrays.copyOf(total.latencies, total.n * 2);
                }
                total.latencies[total.n++] = latencies[i];
            }
            failures.forEach((k, v) -> total.failures.merge(k, v, Long::sum));
        }

        String percentile(double p) {
            if (n == 0) {
                return "-";
            }
            long[] sorted = Arrays.copyOf(latencies, n);
            Arrays.sort(sorted);
            return millis(sorted[Math.min(n - 1, (int) Math.ceil(p * n) - 1)]);
        }
    }

    static volatile boolean counting = true;
    static final Map<String, Stats> STATS = new LinkedHashMap<>();
    static BufferedWriter log;

    static synchronized Stats stats(String op) {
        return STATS.computeIfAbsent(op, k -> new Stats());
    }

    static void logLine(String line) {
        if (log == null) {
            return;
        }
        synchronized (LoadClient.class) {
            try {
                log.write(line);
                log.newLine();
                log.flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static void load(String mode, Map<String, String> o) throws Exception {
        String base = required(o, "base");
        List<User> all = users(Path.of(required(o, "tokens")));
        int count = Integer.parseInt(o.getOrDefault("users", Integer.toString(all.size())));
        if (count > all.size()) {
            throw new IllegalArgumentException(count + " users asked for, the tokens file has " + all.size());
        }
        List<User> users = all.subList(0, count);
        long durationNanos = parseDuration(required(o, "duration"));
        double rate = Double.parseDouble(o.getOrDefault("rate", "0"));
        int keepEvery = Integer.parseInt(o.getOrDefault("keep-every", "0"));
        if (o.containsKey("log")) {
            log = Files.newBufferedWriter(Path.of(o.get("log")), StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        }
        CountDownLatch go = new CountDownLatch(1);
        for (int i = 0; i < users.size(); i++) {
            User user = users.get(i);
            User next = users.get((i + 1) % users.size());
            Worker w = new Worker(base, user, next.id(), rate, keepEvery, go);
            Thread t = new Thread(() -> {
                try {
                    go.await();
                    while (true) {
                        if (mode.equals("mixed")) {
                            w.cycle();
                        } else {
                            w.create();
                        }
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "user-" + user.id());
            t.setDaemon(true);
            t.start();
        }
        long start = System.nanoTime();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> report(o, (System.nanoTime() - start) / 1e9)));
        go.countDown();
        Thread.sleep(durationNanos / 1_000_000);
        System.exit(0); // the hook reports
    }

    private static volatile boolean reported;

    private static synchronized void report(Map<String, String> o, double seconds) {
        if (reported) {
            return;
        }
        reported = true;
        counting = false;
        Stats total = new Stats();
        StringBuilder details = new StringBuilder();
        details.append("| request | finished | 2xx | 5xx | other non-2xx | no answer | p50 | p99 | non-2xx and no-answer kinds |\n");
        details.append("|---|---:|---:|---:|---:|---:|---:|---:|---|\n");
        synchronized (LoadClient.class) {
            STATS.forEach((op, s) -> {
                s.addTo(total);
                details.append(row(op, s)).append('\n');
            });
        }
        details.append(row("**all**", total)).append('\n');
        if (o.containsKey("details")) {
            try {
                Files.writeString(Path.of(o.get("details")), details.toString());
            } catch (IOException e) {
                System.err.println("could not write " + o.get("details") + ": " + e);
            }
        }
        System.out.printf("%.1f | %s | %s | %d | %d | %d%n",
                total.ok / seconds, total.percentile(0.50), total.percentile(0.99), total.server, total.other, total.errors);
        System.out.flush();
    }

    private static String row(String op, Stats s) {
        StringBuilder failures = new StringBuilder();
        s.failures.forEach((k, v) -> failures.append(failures.length() == 0 ? "" : ", ").append(k).append(" ×").append(v));
        return "| " + op + " | " + s.requests + " | " + s.ok + " | " + s.server + " | " + s.other + " | " + s.errors
                + " | " + s.percentile(0.50) + " | " + s.percentile(0.99) + " | " + failures + " |";
    }

    /** One user: a connection of their own and the state of the collection they are working on. */
    static final class Worker {
        final String base;
        final User user;
        final long other;
        final long intervalNanos;
        final int keepEvery;
        final HttpClient http = client();
        final Deque<Long> assets = new ArrayDeque<>();
        long next = System.nanoTime();
        int cycles;

        // what the current collection holds if every write so far took effect
        String name;
        final List<Long> members = new ArrayList<>();
        String shares = "";

        Worker(String base, User user, long other, double rate, int keepEvery, CountDownLatch go) {
            this.base = base;
            this.user = user;
            this.other = other;
            this.intervalNanos = rate > 0 ? (long) (1e9 / rate) : 0;
            this.keepEvery = keepEvery;
            assets.addAll(user.assets());
        }

        String state() {
            StringBuilder m = new StringBuilder();
            for (Long id : members) {
                m.append(m.length() == 0 ? "" : ",").append(id);
            }
            return "name=" + name + ";members=" + m + ";shares=" + shares;
        }

        void create() throws InterruptedException {
            cycles++;
            send("create_collection", "-", "-", "POST", "/api/v2/collections",
                    "{\"name\": \"u" + user.id() + " n" + cycles + "\"}", "-");
        }

        /** One cycle of the mixed workload; a write that is not answered 2xx abandons the collection. */
        void cycle() throws InterruptedException {
            cycles++;
            boolean keep = keepEvery > 0 && cycles % keepEvery == 0;
            name = "u" + user.id() + " c" + cycles;
            members.clear();
            shares = "";
            Answer a = send("create_collection", "-", "-", "POST", "/api/v2/collections",
                    "{\"name\": \"" + name + "\", \"collection_type\": \"private\"}", state());
            if (a == null || a.id == null) {
                return;
            }
            String c = a.id;
            String path = "/api/v2/collections/" + c;
            name = name + " renamed";
            if (send("rename", c, "-", "PATCH", path, "{\"name\": \"" + name + "\"}", state()) == null) {
                return;
            }
            a = send("create_asset", "-", "-", "POST", "/api/v2/assets",
                    assetBody(user.id() + "-" + cycles), "-");
            if (a == null || a.id == null) {
                return;
            }
            assets.addFirst(Long.parseLong(a.id));
            while (assets.size() > 3) {
                assets.removeLast();
            }
            List<Long> add = new ArrayList<>(assets);
            members.addAll(add);
            if (send("add_assets", c, "-", "POST", path + "/assets",
                    "{\"asset_ids\": " + add + "}", state()) == null) {
                return;
            }
            Long moved = members.remove(members.size() - 1);
            members.add(0, moved);
            if (send("move_asset", c, moved.toString(), "PATCH", path + "/assets/" + moved,
                    "{\"position\": 1}", state()) == null) {
                return;
            }
            Long removed = members.remove(1);
            if (send("remove_asset", c, removed.toString(), "DELETE", path + "/assets/" + removed, null, state()) == null) {
                return;
            }
            shares = Long.toString(other);
            if (send("share", c, "-", "POST", path + "/shares", "{\"user_id\": " + other + "}", state()) == null) {
                return;
            }
            if (keep) {
                return;
            }
            shares = "";
            if (send("unshare", c, "-", "DELETE", path + "/shares/" + other, null, state()) == null) {
                return;
            }
            send("delete_collection", c, "-", "DELETE", path, null, "absent");
        }

        record Answer(String id) {}

        /**
         * Sends one write (paced), records it, and logs it: "S user op collection asset - state" before,
         * then "A|F user op collection asset status state". Returns null unless answered 2xx.
         */
        Answer send(String op, String collection, String asset, String method, String path, String body, String after)
                throws InterruptedException {
            if (intervalNanos > 0) {
                long wait = next - System.nanoTime();
                if (wait > 0) {
                    Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                }
                next = Math.max(next + intervalNanos, System.nanoTime());
            }
            String prefix = user.id() + "\t" + op + "\t";
            logLine("S\t" + prefix + collection + "\t" + asset + "\t-\t" + after);
            long started = System.nanoTime();
            HttpResponse<String> response;
            try {
                response = http.send(request(base, user.token(), method, path, body), HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                stats(op).record(0, 0, e.getClass().getSimpleName());
                logLine("F\t" + prefix + collection + "\t" + asset + "\tERR\t" + after);
                Thread.sleep(100); // the server may be down: do not spin
                return null;
            }
            long nanos = System.nanoTime() - started;
            int status = response.statusCode();
            stats(op).record(status, nanos, null);
            String id = null;
            if (status / 100 == 2 && method.equals("POST")) {
                Matcher m = ID.matcher(response.body());
                id = m.find() ? m.group(1) : null;
            }
            if (op.startsWith("create_") && id != null) {
                if (op.equals("create_collection")) {
                    collection = id;
                } else {
                    asset = id;
                }
            }
            logLine((status / 100 == 2 ? "A\t" : "F\t") + prefix + collection + "\t" + asset + "\t" + status + "\t" + after);
            if (status / 100 != 2) {
                return null;
            }
            return new Answer(id);
        }
    }

    // ---------------------------------------------------------------- verify

    /** Checks what the database holds against the log of a mixed run (see the class comment). */
    static final class Verifier {
        final Map<String, String> o;
        final List<String> problems = new ArrayList<>();

        Verifier(Map<String, String> o) {
            this.o = o;
        }

        /** The states a collection may be in: certain after a 2xx, one more candidate after an unanswered write. */
        static final class Expected {
            final String owner;
            final Set<String> states = new LinkedHashSet<>();
            String lastAcked;

            Expected(String owner) {
                this.owner = owner;
            }
        }

        int run() throws IOException {
            List<User> users = users(Path.of(required(o, "tokens")));
            Set<String> bench = new TreeSet<>();
            Map<String, String> knownAssets = new HashMap<>(); // asset id -> owner (setup and acknowledged creates)
            for (User u : users) {
                bench.add(Long.toString(u.id()));
                for (Long a : u.assets()) {
                    knownAssets.put(a.toString(), Long.toString(u.id()));
                }
            }
            Map<String, Expected> collections = new LinkedHashMap<>();
            Map<String, Integer> unansweredCollectionCreates = new HashMap<>();
            Map<String, Integer> unansweredAssetCreates = new HashMap<>();
            Map<String, String[]> pending = new HashMap<>(); // user -> the S line not answered yet
            long acked = 0;
            long ackedDeletes = 0;
            for (String line : Files.readAllLines(Path.of(required(o, "log")))) {
                String[] f = line.split("\t", -1);
                if (f.length != 7) {
                    continue; // a line cut short by the client's end
                }
                String user = f[1];
                if (f[0].equals("S")) {
                    String[] earlier = pending.put(user, f);
                    if (earlier != null) {
                        unanswered(earlier, collections, unansweredCollectionCreates, unansweredAssetCreates);
                    }
                    continue;
                }
                String[] sent = pending.remove(user);
                if (sent == null || !sent[2].equals(f[2])) {
                    problems.add("log: an answer without its request: " + line);
                    continue;
                }
                String status = f[5];
                boolean ok = f[0].equals("A");
                boolean maybeApplied = status.equals("ERR") || status.startsWith("5");
                if (ok) {
                    acked++;
                    if (f[2].equals("create_collection")) {
                        collections.put(f[3], new Expected(user));
                    } else if (f[2].equals("create_asset")) {
                        knownAssets.put(f[4], user);
                        continue;
                    } else if (f[2].equals("delete_collection")) {
                        ackedDeletes++;
                    }
                    Expected e = collections.get(f[3]);
                    if (e == null) {
                        problems.add("log: a write to a collection whose create is not in the log: " + line);
                        continue;
                    }
                    e.states.clear();
                    e.states.add(f[6]);
                    e.lastAcked = f[2];
                } else if (maybeApplied) {
                    unanswered(sent, collections, unansweredCollectionCreates, unansweredAssetCreates);
                }
                // a 4xx must have changed nothing: the expected states stay as they are
            }
            for (String[] sent : pending.values()) {
                unanswered(sent, collections, unansweredCollectionCreates, unansweredAssetCreates);
            }

            Path dump = Path.of(required(o, "dump"));
            Map<String, String> owners = new HashMap<>();
            Map<String, String> names = new HashMap<>();
            for (String[] f : rows(dump.resolve("collections.tsv"))) {
                owners.put(f[0], f[1]);
                names.put(f[0], f[2]);
            }
            Map<String, TreeMap<Integer, String>> members = new HashMap<>();
            for (String[] f : rows(dump.resolve("members.tsv"))) {
                members.computeIfAbsent(f[0], k -> new TreeMap<>()).put(Integer.parseInt(f[2]), f[1]);
            }
            Map<String, TreeSet<Long>> shares = new HashMap<>();
            for (String[] f : rows(dump.resolve("shares.tsv"))) {
                shares.computeIfAbsent(f[0], k -> new TreeSet<>()).add(Long.parseLong(f[1]));
            }
            Map<String, String> assets = new HashMap<>();
            for (String[] f : rows(dump.resolve("assets.tsv"))) {
                assets.put(f[0], f[1]);
            }

            int exact = 0;
            int either = 0;
            int present = 0;
            for (Map.Entry<String, Expected> entry : collections.entrySet()) {
                String id = entry.getKey();
                Expected e = entry.getValue();
                String actual = "absent";
                if (owners.containsKey(id)) {
                    present++;
                    StringBuilder m = new StringBuilder();
                    for (String a : members.getOrDefault(id, new TreeMap<>()).values()) {
                        m.append(m.length() == 0 ? "" : ",").append(a);
                    }
                    StringBuilder s = new StringBuilder();
                    for (Long u : shares.getOrDefault(id, new TreeSet<>())) {
                        s.append(s.length() == 0 ? "" : ",").append(u);
                    }
                    actual = "name=" + names.get(id) + ";members=" + m + ";shares=" + s;
                    if (!owners.get(id).equals(e.owner)) {
                        problems.add("collection " + id + " belongs to user " + owners.get(id) + ", created by user " + e.owner);
                    }
                }
                if (e.states.size() == 1) {
                    exact++;
                } else {
                    either++;
                }
                if (e.states.contains(actual)) {
                    continue;
                }
                String what = "collection " + id + " of user " + e.owner + " (last acknowledged write: " + e.lastAcked + "): ";
                if (actual.equals("absent")) {
                    problems.add(what + "missing, although its create was acknowledged and no delete of it was");
                } else if (e.states.equals(Set.of("absent"))) {
                    problems.add(what + "its delete was acknowledged but it is still there: " + actual);
                } else {
                    problems.add(what + "holds " + actual + "; the acknowledged writes say " + String.join(" or ", e.states));
                }
            }
            // collections and assets of bench users that no acknowledged create explains
            Map<String, Integer> strayCollections = new TreeMap<>();
            owners.forEach((id, owner) -> {
                if (bench.contains(owner) && !collections.containsKey(id)) {
                    strayCollections.merge(owner, 1, Integer::sum);
                }
            });
            strayCollections.forEach((owner, n) -> {
                int allowed = unansweredCollectionCreates.getOrDefault(owner, 0);
                if (n > allowed) {
                    problems.add("user " + owner + " owns " + n + " collections no acknowledged create explains; only "
                            + allowed + " creates went unanswered");
                }
            });
            int assetsChecked = 0;
            for (Map.Entry<String, String> a : knownAssets.entrySet()) {
                assetsChecked++;
                if (!assets.containsKey(a.getKey())) {
                    problems.add("asset " + a.getKey() + " of user " + a.getValue() + ": its create was acknowledged but it is missing");
                }
            }
            Map<String, Integer> strayAssets = new TreeMap<>();
            assets.forEach((id, owner) -> {
                if (bench.contains(owner) && !knownAssets.containsKey(id)) {
                    strayAssets.merge(owner, 1, Integer::sum);
                }
            });
            strayAssets.forEach((owner, n) -> {
                int allowed = unansweredAssetCreates.getOrDefault(owner, 0);
                if (n > allowed) {
                    problems.add("user " + owner + " owns " + n + " assets no acknowledged create explains; only "
                            + allowed + " creates went unanswered");
                }
            });

            for (String p : problems.subList(0, Math.min(problems.size(), 50))) {
                System.out.println("MISMATCH " + p);
            }
            if (problems.size() > 50) {
                System.out.println("... and " + (problems.size() - 50) + " more mismatches");
            }
            System.out.printf(
                    "%s: %d acknowledged writes; %d collections checked (%d exactly, %d with an unanswered last write), "
                            + "%d present, %d acknowledged deletes; %d assets%n",
                    problems.isEmpty() ? "ok" : "FAILED", acked, collections.size(), exact, either, present,
                    ackedDeletes, assetsChecked);
            return problems.isEmpty() ? 0 : 1;
        }

        /** A write with no answer, or a 5xx: it may or may not have taken effect. */
        private static void unanswered(String[] sent, Map<String, Expected> collections,
                Map<String, Integer> collectionCreates, Map<String, Integer> assetCreates) {
            switch (sent[2]) {
                case "create_collection" -> collectionCreates.merge(sent[1], 1, Integer::sum);
                case "create_asset" -> assetCreates.merge(sent[1], 1, Integer::sum);
                default -> {
                    Expected e = collections.get(sent[3]);
                    if (e != null) {
                        e.states.add(sent[6]);
                    }
                }
            }
        }

        private static List<String[]> rows(Path file) throws IOException {
            List<String[]> rows = new ArrayList<>();
            for (String line : Files.readAllLines(file)) {
                if (!line.isEmpty()) {
                    rows.add(line.split("\t", -1));
                }
            }
            return rows;
        }
    }

    // ---------------------------------------------------------------- small things

    static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (!a.startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument " + a);
            }
            int eq = a.indexOf('=');
            if (eq > 0) {
                options.put(a.substring(2, eq), a.substring(eq + 1));
            } else if (i + 1 < args.length) {
                options.put(a.substring(2), args[++i]);
            } else {
                throw new IllegalArgumentException(a + " needs a value");
            }
        }
        return options;
    }

    static String required(Map<String, String> o, String name) {
        String v = o.get(name);
        if (v == null || v.isEmpty()) {
            throw new IllegalArgumentException("--" + name + " is required");
        }
        return v;
    }

    /** 500ms, 20s, 2m, 1h (wrk's notation); a bare number is seconds. */
    static long parseDuration(String s) {
        Matcher m = Pattern.compile("(\\d+(?:\\.\\d+)?)(ms|s|m|h)?").matcher(s.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("not a duration: " + s);
        }
        double v = Double.parseDouble(m.group(1));
        String unit = m.group(2) == null ? "s" : m.group(2);
        double seconds = switch (unit) {
            case "ms" -> v / 1000;
            case "m" -> v * 60;
            case "h" -> v * 3600;
            default -> v;
        };
        return (long) (seconds * 1e9);
    }

    /** Latency as wrk prints it: 812.00us, 22.80ms, 16.01s. */
    static String millis(long nanos) {
        if (nanos < 1_000_000) {
            return String.format("%.2fus", nanos / 1e3);
        }
        if (nanos < 1_000_000_000L) {
            return String.format("%.2fms", nanos / 1e6);
        }
        return String.format("%.2fs", nanos / 1e9);
    }
}
