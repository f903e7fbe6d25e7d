package com.assetcollections.support;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import tools.jackson.databind.json.JsonMapper;

/**
 * Checks every exchange of the contract tests against the OpenAPI document the server under test
 * serves, with Atlassian's validator, so that the document cannot drift from the service: a
 * response must always match it, and a request must match it whenever the service accepted it
 * (below 400; a request the service refused may well break the document's rules, that is what
 * the tests of refusals send). Paths the document does not have (health, made-up paths) are not
 * checked. The validator reads only OpenAPI 3.0 schemas, so it is given {@link OpenApi30}'s
 * rendering of the 3.1 document.
 */
public final class OpenApiExchanges {

    private static final Map<String, Document> DOCUMENTS = new ConcurrentHashMap<>();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Set<String> NOT_IN_DOCUMENT =
            Set.of("validation.request.path.missing", "validation.request.operation.notAllowed");

    private OpenApiExchanges() {}

    /** Fails with every mismatch between the exchange and the document of the server at {@code base}. */
    public static void check(String base, HttpRequest request, String requestBody, HttpResponse<String> response) {
        if (!request.uri().getRawPath().startsWith("/api/")
                || Arrays.stream(Request.Method.values())
                        .noneMatch(m -> m.name().equals(request.method()))) {
            return;
        }
        Document document = DOCUMENTS.computeIfAbsent(base, OpenApiExchanges::document);
        if (!document.has(request.uri().getPath())) {
            return;
        }
        OpenApiInteractionValidator validator = document.validator();
        Request.Method method = Request.Method.valueOf(request.method());
        String path = request.uri().getPath();
        ValidationReport requestReport = validator.validateRequest(request(request, requestBody, document));
        if (requestReport.getMessages().stream().anyMatch(m -> NOT_IN_DOCUMENT.contains(m.getKey()))) {
            return;
        }
        ValidationReport report = validator.validateResponse(path, method, response(response));
        // a body sent without handing its text here cannot be checked; its response still is
        boolean bodyUnseen = requestBody == null
                && request.bodyPublisher()
                                .map(HttpRequest.BodyPublisher::contentLength)
                                .orElse(0L)
                        != 0;
        if (response.statusCode() < 400 && !bodyUnseen) {
            report = requestReport.merge(report);
        }
        if (report.hasErrors()) {
            throw new AssertionError("the exchange does not match the OpenAPI document: " + request.method() + " "
                    + request.uri() + (requestBody == null ? "" : " " + abbreviated(requestBody)) + " -> "
                    + response.statusCode() + " " + abbreviated(response.body()) + "\n"
                    + report.getMessages().stream()
                            .map(m -> "  " + m.getKey() + ": " + m.getMessage())
                            .collect(Collectors.joining("\n")));
        }
    }

    /**
     * The validator, the paths of the document as patterns and the names of its query parameters:
     * the validator matches both regardless of case, the service does not (so {@code /api/V2/me}
     * is a 404 of no operation, and {@code FILTER[id]} an unknown parameter, ignored).
     */
    private record Document(OpenApiInteractionValidator validator, List<Pattern> paths, Set<String> parameters) {

        boolean has(String path) {
            return paths.stream().anyMatch(pattern -> pattern.matcher(path).matches());
        }
    }

    private static Document document(String base) {
        try {
            String text = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create(base + "/api/v2/openapi.json"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8))
                    .body();
            List<Pattern> paths = new ArrayList<>();
            Set<String> parameters = new java.util.HashSet<>();
            JSON.readTree(text)
                    .findValues("parameters")
                    .forEach(list -> list.values()
                            .forEach(parameter ->
                                    parameters.add(parameter.get("name").asString())));
            JSON.readTree(text)
                    .get("paths")
                    .propertyNames()
                    .forEach(path ->
                            paths.add(Pattern.compile(Pattern.quote(path).replaceAll("\\{[^}]+}", "\\\\E[^/]+\\\\Q"))));
            OpenApiInteractionValidator validator = OpenApiInteractionValidator.createForInlineApiSpecification(
                            OpenApi30.of(text))
                    // API.md: JSON whatever the Accept header says; unknown parameters are ignored
                    .withLevelResolver(LevelResolver.create()
                            .withLevel("validation.request.accept.notAllowed", ValidationReport.Level.IGNORE)
                            .withLevel("validation.request.parameter.query.unexpected", ValidationReport.Level.IGNORE)
                            .build())
                    .build();
            return new Document(validator, paths, parameters);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The request as the validator takes it, without the query parameters the document does not name. */
    private static Request request(HttpRequest request, String body, Document document) {
        SimpleRequest.Builder builder =
                new SimpleRequest.Builder(request.method(), request.uri().getPath());
        headers(request.headers())
                .forEach((name, values) -> builder.withHeader(
                        name,
                        name.equalsIgnoreCase("Authorization")
                                ? values.stream()
                                        .map(OpenApiExchanges::canonicalScheme)
                                        .toList()
                                : values));
        String query = request.uri().getRawQuery();
        if (query != null && !query.isEmpty()) {
            for (String pair : query.split("&")) {
                int eq = pair.indexOf('=');
                String name = decode(eq < 0 ? pair : pair.substring(0, eq));
                String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
                // an empty filter is no filter (allowEmptyValue), which the validator reads as missing
                boolean emptyFilter = value.isEmpty() && name.startsWith("filter[");
                if (document.parameters().contains(name) && !emptyFilter) {
                    builder.withQueryParam(name, isNameList(name) ? names(name, value) : value);
                }
            }
        }
        if (body != null) {
            builder.withBody(body);
        }
        return builder.build();
    }

    /** The names of a name list without the spaces around them, and without the {@code +} of an ascending sort key. */
    private static String names(String parameter, String value) {
        String names = value.replaceAll("\\s*,\\s*", ",").strip();
        return parameter.equals("sort") ? names.replaceAll("(^|,)\\+", "$1") : names;
    }

    /**
     * Whether {@code parameter} lists names ({@code sort}, {@code fields[...]}, {@code include}): the
     * document gives them as enums, and the service also takes spaces around each name (and {@code
     * +name} for an ascending sort key).
     */
    private static boolean isNameList(String parameter) {
        return parameter.equals("sort") || parameter.equals("include") || parameter.startsWith("fields[");
    }

    private static SimpleResponse response(HttpResponse<String> response) {
        SimpleResponse.Builder builder = new SimpleResponse.Builder(response.statusCode());
        headers(response.headers()).forEach(builder::withHeader);
        if (!response.body().isEmpty()) {
            builder.withBody(response.body());
        }
        return builder.build();
    }

    private static Map<String, List<String>> headers(HttpHeaders headers) {
        return headers.map();
    }

    /** Auth schemes are case-insensitive (RFC 9110 11.1); the validator takes only {@code Bearer}. */
    private static String canonicalScheme(String authorization) {
        return authorization.regionMatches(true, 0, "Bearer ", 0, 7)
                ? "Bearer " + authorization.substring(7)
                : authorization;
    }

    private static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }

    private static String abbreviated(String text) {
        return text.length() <= 600 ? text : text.substring(0, 600) + "…";
    }
}
