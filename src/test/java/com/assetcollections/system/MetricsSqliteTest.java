package com.assetcollections.system;

import com.assetcollections.support.OnSqlite;

@OnSqlite
class MetricsSqliteTest extends MetricsContract {}
