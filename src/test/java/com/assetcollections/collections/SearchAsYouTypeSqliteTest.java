package com.assetcollections.collections;

import com.assetcollections.support.OnSqlite;

@OnSqlite
class SearchAsYouTypeSqliteTest extends SearchAsYouTypeContract {}
