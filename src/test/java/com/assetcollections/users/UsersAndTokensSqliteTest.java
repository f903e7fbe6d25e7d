package com.assetcollections.users;

import com.assetcollections.support.OnSqlite;

@OnSqlite
class UsersAndTokensSqliteTest extends UsersAndTokensContract {}
