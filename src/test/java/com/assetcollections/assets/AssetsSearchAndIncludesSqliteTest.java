package com.assetcollections.assets;

import com.assetcollections.support.OnSqlite;

@OnSqlite
class AssetsSearchAndIncludesSqliteTest extends AssetsSearchAndIncludesContract {}
