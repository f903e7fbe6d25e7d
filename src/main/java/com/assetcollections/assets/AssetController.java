package com.assetcollections.assets;

import com.assetcollections.auth.Caller;
import com.assetcollections.auth.RequiredScopes;
import com.assetcollections.auth.Scope;
import com.assetcollections.collections.CollectionReader;
import com.assetcollections.web.ConditionalWrite;
import com.assetcollections.web.DeadlockRetry;
import com.assetcollections.web.IdempotentPosts;
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
import org.springframework.web.bind.annotation.RestController;

@RestController
class AssetController {

    private final AssetReader reader;
    private final AssetWriter writer;
    private final CollectionReader collections;
    private final RequestBodies bodies;
    private final JsonResponses responses;
    private final IdempotentPosts posts;
    private final WriteTransactions writes;

    AssetController(
            AssetReader reader,
            AssetWriter writer,
            CollectionReader collections,
            RequestBodies bodies,
            JsonResponses responses,
            IdempotentPosts posts,
            WriteTransactions writes) {
        this.reader = reader;
        this.writer = writer;
        this.collections = collections;
        this.bodies = bodies;
        this.responses = responses;
        this.posts = posts;
        this.writes = writes;
    }

    @GetMapping("/api/v2/assets")
    @RequiredScopes(Scope.ASSETS_READ)
    Map<String, Object> list(Caller caller, HttpServletRequest request, PageLinks links) {
        return reader.list(caller, request.getParameterMap(), links);
    }

    @GetMapping("/api/v2/assets/{key}")
    @RequiredScopes(Scope.ASSETS_READ)
    ResponseEntity<Map<String, Object>> one(@PathVariable String key, Caller caller, HttpServletRequest request) {
        return responses.read(reader.one(caller, key, request.getParameterMap()));
    }

    @PostMapping("/api/v2/assets")
    @RequiredScopes(Scope.ASSETS_WRITE)
    ResponseEntity<byte[]> create(Caller caller, HttpServletRequest request) {
        byte[] body = bodies.raw(request);
        return posts.run(caller.userId(), request, body, () -> {
            Record created = writer.create(caller, new AssetBody(bodies.parse(body, AssetBody.FIELDS)));
            return responses.created(reader.written(caller, created), "/api/v2/assets/" + created.get(AssetTable.ID));
        });
    }

    @PatchMapping("/api/v2/assets/{key}")
    @RequiredScopes(Scope.ASSETS_WRITE)
    ResponseEntity<byte[]> update(
            @PathVariable String key,
            Caller caller,
            HttpServletRequest request,
            @RequestHeader(value = "If-Match", required = false) String ifMatch) {
        AssetBody body = new AssetBody(bodies.read(request, AssetBody.FIELDS));
        return writes.run(() -> {
            return responses.ok(reader.written(caller, writer.update(caller, key, body, ifMatch(caller, ifMatch))));
        });
    }

    @DeleteMapping("/api/v2/assets/{key}")
    @RequiredScopes(Scope.ASSETS_WRITE)
    ResponseEntity<Void> delete(
            @PathVariable String key,
            Caller caller,
            @RequestHeader(value = "If-Match", required = false) String ifMatch) {
        DeadlockRetry.run(() -> writer.delete(caller, key, ifMatch(caller, ifMatch)));
        return ResponseEntity.noContent().build();
    }

    /** The assets of a collection the caller may see (404 otherwise), in the collection's order by default. */
    @GetMapping("/api/v2/collections/{key}/assets")
    @RequiredScopes({Scope.COLLECTIONS_READ, Scope.ASSETS_READ})
    Map<String, Object> ofCollection(
            @PathVariable String key, Caller caller, HttpServletRequest request, PageLinks links) {
        long collectionId = collections.visibleId(caller, key);
        return reader.inCollection(caller, collectionId, request.getParameterMap(), links);
    }

    /** The If-Match check of a write: against the asset's full representation, read inside the write. */
    private ConditionalWrite ifMatch(Caller caller, String ifMatch) {
        return ifMatch == null
                ? ConditionalWrite.NONE
                : id -> responses.checkIfMatch(ifMatch, () -> reader.current(caller, id));
    }
}
