package com.assetcollections.stories;

import com.assetcollections.support.OnSqlite;

@OnSqlite
class SharingStorySqliteTest extends SharingStoryContract {}
