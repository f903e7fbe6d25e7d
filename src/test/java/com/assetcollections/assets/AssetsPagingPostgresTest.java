package com.assetcollections.assets;

import com.assetcollections.support.OnPostgres;

@OnPostgres
class AssetsPagingPostgresTest extends AssetsPagingContract {}
