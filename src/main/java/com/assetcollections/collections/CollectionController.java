package com.assetcollections.collections;

import com.assetcollections.auth.Caller;
import com.assetcollections.auth.RequiredScopes;
import com.assetcollections.auth.Scope;
import com.assetcollections.web.ConditionalWrite;
import com.assetcollections.web.DeadlockRetry;
import com.assetcollections.web.IdempotentPosts;
import com.assetcollections.web.JsonBody;
import com.assetcollections.web.JsonResponses;
import com.assetcollections.web.PageLinks;
import com.assetcollections.web.RequestBodies;
import com.assetcollections.web.WriteTransactions;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.jooq.Record;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v2/collections")
class CollectionController {

    private final CollectionReader reader;
    private final CollectionWriter writer;
    private final RequestBodies bodies;
    private final JsonResponses responses;
    private final IdempotentPosts posts;
    private final WriteTransactions writes;

    CollectionController(
            CollectionReader reader,
            CollectionWriter writer,
            RequestBodies bodies,
            JsonResponses responses,
            IdempotentPosts posts,
            WriteTransactions writes) {
        this.reader = reader;
        this.writer = writer;
        this.bodies = bodies;
        this.responses = responses;
        this.posts = posts;
        this.writes = writes;
    }

    @GetMapping
    @RequiredScopes(Scope.COLLECTIONS_READ)
    Map<String, Object> list(Caller caller, HttpServletRequest request, PageLinks links) {
        return reader.list(caller, request.getParameterMap(), links);
    }

    @GetMapping("/{key}")
    @RequiredScopes(Scope.COLLECTIONS_READ)
    ResponseEntity<Map<String, Object>> one(@PathVariable String key, Caller caller, HttpServletRequest request) {
        return responses.read(reader.one(caller, key, request.getParameterMap()));
    }

    @PostMapping
    @RequiredScopes(Scope.COLLECTIONS_WRITE)
    ResponseEntity<byte[]> create(Caller caller, HttpServletRequest request) {
        byte[] body = bodies.raw(request);
        return posts.run(caller.userId(), request, body, () -> {
            Record created = writer.create(caller, bodies.parse(body, CollectionWriter.FIELDS));
            return responses.created(reader.written(created), "/api/v2/collections/" + created.get(CollectionTable.ID));
        });
    }

    @PatchMapping("/{key}")
    @RequiredScopes(Scope.COLLECTIONS_WRITE)
    ResponseEntity<byte[]> update(
            @PathVariable String key,
            Caller caller,
            HttpServletRequest request,
            @RequestHeader(value = "If-Match", required = false) String ifMatch) {
        JsonBody body = bodies.read(request, CollectionWriter.FIELDS);
        return writes.run(() -> {
            Record updated = writer.update(caller, key, body, ifMatch(reader, responses, caller, ifMatch));
            return responses.ok(reader.written(updated));
        });
    }

    @DeleteMapping("/{key}")
    @RequiredScopes(Scope.COLLECTIONS_WRITE)
    ResponseEntity<Void> delete(
            @PathVariable String key,
            Caller caller,
            @RequestHeader(value = "If-Match", required = false) String ifMatch) {
        DeadlockRetry.run(() -> writer.delete(caller, key, ifMatch(reader, responses, caller, ifMatch)));
        return ResponseEntity.noContent().build();
    }

    /** The If-Match check of a write to a collection: against its full representation, read in the write. */
    static ConditionalWrite ifMatch(CollectionReader reader, JsonResponses responses, Caller caller, String ifMatch) {
        return ifMatch == null
                ? ConditionalWrite.NONE
                : id -> responses.checkIfMatch(ifMatch, () -> reader.current(caller, id));
    }
}
