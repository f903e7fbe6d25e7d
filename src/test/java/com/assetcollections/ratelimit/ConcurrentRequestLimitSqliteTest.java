package com.assetcollections.ratelimit;

import com.assetcollections.support.OnSqlite;

@OnSqlite
class ConcurrentRequestLimitSqliteTest extends ConcurrentRequestLimitContract {}
