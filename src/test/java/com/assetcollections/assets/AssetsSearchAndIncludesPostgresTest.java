package com.assetcollections.assets;

import com.assetcollections.support.OnPostgres;

@OnPostgres
class AssetsSearchAndIncludesPostgresTest extends AssetsSearchAndIncludesContract {}
