package com.assetcollections.webhooks;

import com.assetcollections.auth.Caller;
import com.assetcollections.auth.Scope;
import com.assetcollections.openapi.Body;
import com.assetcollections.openapi.BodyField;
import com.assetcollections.web.JsonBody;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jooq.Field;

/**
 * The body of a subscription write, read into the columns it sets. Every rule is checked before
 * any problem is reported, so a 422 names every bad field at once; the rules are those of
 * docs/API.md "Webhooks".
 */
final class WebhookBody {

    static final int MAX_DESCRIPTION = 1000;
    static final String ALL = "*";
    static final Body CREATE = Body.of(
            BodyField.text(
                            "url",
                            1,
                            TargetGuard.MAX_URL,
                            "where events are POSTed: https, and a public address (see app.webhooks.*)")
                    .format("uri")
                    .required(),
            BodyField.texts(
                            "events",
                            WebhookEvent.NAMES.size() + 1,
                            100,
                            "the events to receive, without duplicates, or `[\"*\"]` (alone) for every event")
                    .allowing(Stream.concat(WebhookEvent.NAMES.stream(), Stream.of(ALL))
                            .toList())
                    .required(),
            BodyField.text("description", 0, MAX_DESCRIPTION, "a note for its owner, or null"));
    /** A PATCH: the same fields, each optional, and whether it is enabled. */
    static final Body UPDATE = new Body(Stream.concat(
                    CREATE.allOptional().fields().stream(),
                    Stream.of(BodyField.bool("enabled", "false stops deliveries; true starts them again")))
            .toList());

    static final List<String> CREATE_FIELDS = CREATE.names();
    static final List<String> UPDATE_FIELDS = UPDATE.names();

    private final JsonBody body;
    private final Caller caller;
    private final TargetGuard targets;

    WebhookBody(JsonBody body, Caller caller, TargetGuard targets) {
        this.body = body;
        this.caller = caller;
        this.targets = targets;
    }

    /**
     * What a write asks for, every rule checked (422 otherwise). Read before the write's
     * transaction begins: checking the URL resolves its host, which may take a while.
     *
     * @param columns the columns to set
     * @param enabled the {@code enabled} a PATCH asks for, or null when it names none
     */
    record Change(Map<Field<?>, Object> columns, Boolean enabled) {}

    /** A new subscription: {@code url} and {@code events} required, no description by default. */
    Change forCreate() {
        Map<Field<?>, Object> columns = columns(true);
        body.validate();
        return new Change(columns, null);
    }

    /** A PATCH: the fields the body names, and only those. */
    Change forUpdate() {
        Map<Field<?>, Object> columns = columns(false);
        Boolean enabled = body.bool("enabled").orElse(null);
        body.validate();
        return new Change(columns, enabled);
    }

    private Map<Field<?>, Object> columns(boolean all) {
        Map<Field<?>, Object> row = new LinkedHashMap<>();
        if (all || body.has("url")) {
            row.put(WebhookTable.URL, url());
        }
        if (all || body.has("events")) {
            row.put(WebhookTable.EVENTS, events());
        }
        if (all || body.has("description")) {
            row.put(
                    WebhookTable.DESCRIPTION,
                    body.text("description", 0, MAX_DESCRIPTION).orElse(null));
        }
        return row;
    }

    private String url() {
        String url = body.requiredText("url", 1, TargetGuard.MAX_URL);
        if (url == null) {
            return null;
        }
        Optional<String> problem = targets.problem(url);
        problem.ifPresent(why -> body.reject("url", "`url` " + why + "; got `" + url + "`"));
        return problem.isPresent() ? null : url;
    }

    /**
     * The event names as stored (a JSON array, in the order sent): known names without
     * duplicates, or exactly {@code ["*"]}, each readable with the calling token's scopes.
     */
    private String events() {
        if (!body.has("events") || body.isNull("events")) {
            body.reject("events", "`events` is required: a list of event names, or [\"*\"] for every event");
            return null;
        }
        List<String> names =
                body.texts("events", WebhookEvent.NAMES.size() + 1, 100).orElse(null);
        if (names == null) {
            return null;
        }
        if (names.isEmpty()) {
            body.reject("events", "`events` must name at least one event, or be [\"*\"] for every event");
            return null;
        }
        if (names.contains(ALL) && names.size() > 1) {
            body.reject("events", "`*` stands for every event and must be alone: [\"*\"]");
            return null;
        }
        List<String> unknown = names.stream()
                .filter(name -> !name.equals(ALL) && !WebhookEvent.NAMES.contains(name))
                .toList();
        if (!unknown.isEmpty()) {
            body.reject(
                    "events",
                    "unknown " + (unknown.size() == 1 ? "event " : "events ") + quoted(unknown) + "; events: "
                            + String.join(", ", WebhookEvent.NAMES) + " (or [\"*\"] for every event)");
            return null;
        }
        Set<String> distinct = new LinkedHashSet<>(names);
        if (distinct.size() < names.size()) {
            List<String> repeated = new ArrayList<>(names);
            distinct.forEach(repeated::remove);
            body.reject("events", "`events` names " + quoted(List.copyOf(new LinkedHashSet<>(repeated))) + " twice");
            return null;
        }
        if (!readable(names)) {
            return null;
        }
        return names.stream().map(name -> "\"" + name + "\"").collect(Collectors.joining(",", "[", "]"));
    }

    /**
     * Whether the calling token may read what each event is about: events carry the resource as
     * GET returns it, so a token without {@code collections:read} may not subscribe to collection
     * events (nor {@code assets:read} to asset events).
     */
    private boolean readable(List<String> names) {
        List<String> problems = new ArrayList<>();
        for (String name : names) {
            List<String> missing = needs(name).stream()
                    .filter(scope -> !caller.scopes().contains(scope))
                    .map(scope -> "`" + scope.token() + "`")
                    .toList();
            if (!missing.isEmpty()) {
                String what = name.equals(ALL) ? "`*` (every event)" : "`" + name + "`";
                problems.add(what + " needs the " + String.join(" and ", missing) + " "
                        + (missing.size() == 1 ? "scope" : "scopes") + ", which this token lacks");
            }
        }
        problems.forEach(problem -> body.reject("events", problem));
        return problems.isEmpty();
    }

    /** The read scopes the events of {@code name} are about. */
    static List<Scope> needs(String name) {
        if (name.equals(ALL)) {
            return List.of(Scope.COLLECTIONS_READ, Scope.ASSETS_READ);
        }
        if (name.startsWith("collection.")) {
            return List.of(Scope.COLLECTIONS_READ);
        }
        if (name.startsWith("asset.")) {
            return List.of(Scope.ASSETS_READ);
        }
        return List.of();
    }

    private static String quoted(List<String> names) {
        return names.stream().map(name -> "`" + name + "`").collect(Collectors.joining(", "));
    }
}
