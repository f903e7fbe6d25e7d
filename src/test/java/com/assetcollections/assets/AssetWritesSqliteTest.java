package com.assetcollections.assets;

import com.assetcollections.support.OnSqlite;

@OnSqlite
class AssetWritesSqliteTest extends AssetWritesContract {}
