package com.assetcollections.collections;

import com.assetcollections.support.OnSqlite;
import org.springframework.test.context.TestPropertySource;

/**
 * The same properties with every offset page read from a listing (query/OrderedIds) that keeps at
 * most 4 ids, so that pages are slices, seeks from a kept row, or ranked top-k lists.
 */
@OnSqlite
@TestPropertySource(properties = {"app.lists.deep-offset=0", "app.lists.max-kept-ids=4"})
class VisibilityPropertyListedSqliteTest extends VisibilityPropertyContract {}
