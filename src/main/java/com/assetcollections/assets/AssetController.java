package com.assetcollections.assets;

import com.assetcollections.auth.Caller;
import com.assetcollections.collections.CollectionReader;
import com.assetcollections.web.PageLinks;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@RestController
class AssetController {

    private final AssetReader reader;
    private final CollectionReader collections;

    AssetController(AssetReader reader, CollectionReader collections) {
        this.reader = reader;
        this.collections = collections;
    }

    @GetMapping("/api/v2/assets")
    Map<String, Object> list(Caller caller, HttpServletRequest request) {
        return reader.list(caller, request.getParameterMap(), PageLinks.of(request));
    }

    @GetMapping("/api/v2/assets/{key}")
    Map<String, Object> one(@PathVariable String key, Caller caller, HttpServletRequest request) {
        return reader.one(caller, key, request.getParameterMap());
    }

    /** The assets of a collection the caller may see (404 otherwise), in the collection's order by default. */
    @GetMapping("/api/v2/collections/{key}/assets")
    Map<String, Object> ofCollection(@PathVariable String key, Caller caller, HttpServletRequest request) {
        long collectionId = collections.visibleId(caller, key);
        return reader.inCollection(caller, collectionId, request.getParameterMap(), PageLinks.of(request));
    }
}
