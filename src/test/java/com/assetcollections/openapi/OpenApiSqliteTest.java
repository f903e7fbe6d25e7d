package com.assetcollections.openapi;

import com.assetcollections.support.OnSqlite;

@OnSqlite
class OpenApiSqliteTest extends OpenApiContract {}
