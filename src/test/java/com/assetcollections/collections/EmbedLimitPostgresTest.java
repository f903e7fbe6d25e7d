package com.assetcollections.collections;

import com.assetcollections.support.OnPostgres;

@OnPostgres
class EmbedLimitPostgresTest extends EmbedLimitContract {}
