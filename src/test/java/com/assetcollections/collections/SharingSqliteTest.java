package com.assetcollections.collections;

import com.assetcollections.support.OnSqlite;

@OnSqlite
class SharingSqliteTest extends SharingContract {}
