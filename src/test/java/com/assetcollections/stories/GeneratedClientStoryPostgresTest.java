package com.assetcollections.stories;

import com.assetcollections.support.OnPostgres;

@OnPostgres
class GeneratedClientStoryPostgresTest extends GeneratedClientStoryContract {}
