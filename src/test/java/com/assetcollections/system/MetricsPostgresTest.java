package com.assetcollections.system;

import com.assetcollections.support.OnPostgres;

@OnPostgres
class MetricsPostgresTest extends MetricsContract {}
