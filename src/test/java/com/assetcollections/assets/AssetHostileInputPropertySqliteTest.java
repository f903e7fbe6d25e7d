package com.assetcollections.assets;

import com.assetcollections.support.OnSqlite;

@OnSqlite
class AssetHostileInputPropertySqliteTest extends AssetHostileInputPropertyContract {}
