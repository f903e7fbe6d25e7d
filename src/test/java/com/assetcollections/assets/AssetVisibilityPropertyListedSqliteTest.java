package com.assetcollections.assets;

import com.assetcollections.support.OnSqlite;
import org.springframework.test.context.TestPropertySource;

/**
 * The same properties with every offset page read from a listing (query/OrderedIds): slices of
 * whole lists and of ranked top-k lists (the collections' twin keeps at most 4 ids, for seeks).
 */
@OnSqlite
@TestPropertySource(properties = "app.lists.deep-offset=0")
class AssetVisibilityPropertyListedSqliteTest extends AssetVisibilityPropertyContract {}
