package com.assetcollections.collections;

import com.assetcollections.support.OnSqlite;

@OnSqlite
class CollectionsPagingSqliteTest extends CollectionsPagingContract {}
