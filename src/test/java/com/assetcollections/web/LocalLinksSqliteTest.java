package com.assetcollections.web;

import com.assetcollections.support.OnSqlite;

@OnSqlite
class LocalLinksSqliteTest extends LocalLinksContract {}
