package com.assetcollections.system;

import com.assetcollections.support.OnSqlite;

@OnSqlite
class PurgesSqliteTest extends PurgesContract {}
