package com.assetcollections.collections;

import com.assetcollections.support.OnSqlite;

@OnSqlite
class EmbedLimitSqliteTest extends EmbedLimitContract {}
