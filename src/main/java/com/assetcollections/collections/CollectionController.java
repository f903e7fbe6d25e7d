package com.assetcollections.collections;

import com.assetcollections.auth.Caller;
import com.assetcollections.web.PageLinks;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v2/collections")
class CollectionController {

    private final CollectionReader reader;

    CollectionController(CollectionReader reader) {
        this.reader = reader;
    }

    @GetMapping
    Map<String, Object> list(Caller caller, HttpServletRequest request) {
        return reader.list(caller, request.getParameterMap(), PageLinks.of(request));
    }

    @GetMapping("/{key}")
    Map<String, Object> one(@PathVariable String key, Caller caller, HttpServletRequest request) {
        return reader.one(caller, key, request.getParameterMap());
    }
}
