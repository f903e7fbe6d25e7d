package com.assetcollections.auth;

import com.assetcollections.support.OnPostgres;

@OnPostgres
class PathSpellingsPostgresTest extends PathSpellingsContract {}
