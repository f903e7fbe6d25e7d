package com.assetcollections.openapi;

import com.assetcollections.support.OnPostgres;

@OnPostgres
class OpenApiPostgresTest extends OpenApiContract {}
