package com.assetcollections.users;

import com.assetcollections.support.OnPostgres;

@OnPostgres
class UsersAndTokensPostgresTest extends UsersAndTokensContract {}
