package com.assetcollections.assets;

import com.assetcollections.support.OnPostgres;

@OnPostgres
class AssetVisibilityPropertyPostgresTest extends AssetVisibilityPropertyContract {}
