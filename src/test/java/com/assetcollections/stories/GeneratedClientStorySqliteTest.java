package com.assetcollections.stories;

import com.assetcollections.support.OnSqlite;

@OnSqlite
class GeneratedClientStorySqliteTest extends GeneratedClientStoryContract {}
