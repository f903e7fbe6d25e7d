package com.assetcollections.auth;

import com.assetcollections.support.OnSqlite;

@OnSqlite
class AuthSqliteTest extends AuthContract {}
