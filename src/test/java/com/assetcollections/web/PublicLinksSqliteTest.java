package com.assetcollections.web;

import com.assetcollections.support.OnSqlite;

@OnSqlite
class PublicLinksSqliteTest extends PublicLinksContract {}
