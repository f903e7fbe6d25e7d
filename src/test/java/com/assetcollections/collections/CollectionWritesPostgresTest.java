package com.assetcollections.collections;

import com.assetcollections.support.OnPostgres;

@OnPostgres
class CollectionWritesPostgresTest extends CollectionWritesContract {}
