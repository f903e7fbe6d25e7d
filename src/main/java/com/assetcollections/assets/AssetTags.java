package com.assetcollections.assets;

import com.assetcollections.query.TextFolding;
import java.util.List;
import java.util.stream.Collectors;
import tools.jackson.databind.json.JsonMapper;

/** How an asset's tags are stored: a JSON array for reading, and folded text for contains filters. */
public final class AssetTags {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private AssetTags() {}

    public static String json(List<String> tags) {
        return JSON.writeValueAsString(tags);
    }

    /** One folded tag per line, so that a filter matches within a tag. */
    public static String folded(List<String> tags) {
        return tags.stream().map(TextFolding::fold).collect(Collectors.joining("\n"));
    }
}
