package com.assetcollections.collections;

import com.assetcollections.support.OnSqlite;

@OnSqlite
class CollectionWritesSqliteTest extends CollectionWritesContract {}
