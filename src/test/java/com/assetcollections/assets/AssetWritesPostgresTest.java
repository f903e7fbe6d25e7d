package com.assetcollections.assets;

import com.assetcollections.support.OnPostgres;

@OnPostgres
class AssetWritesPostgresTest extends AssetWritesContract {}
