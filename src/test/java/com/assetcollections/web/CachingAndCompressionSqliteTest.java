package com.assetcollections.web;

import com.assetcollections.support.OnSqlite;

@OnSqlite
class CachingAndCompressionSqliteTest extends CachingAndCompressionContract {}
