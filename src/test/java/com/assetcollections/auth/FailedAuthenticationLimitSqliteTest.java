package com.assetcollections.auth;

import com.assetcollections.support.OnSqlite;

@OnSqlite
class FailedAuthenticationLimitSqliteTest extends FailedAuthenticationLimitContract {}
