package com.assetcollections.ratelimit;

import com.assetcollections.support.OnPostgres;

@OnPostgres
class ConcurrentRequestLimitPostgresTest extends ConcurrentRequestLimitContract {}
