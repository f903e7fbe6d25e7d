package com.assetcollections.stories;

import com.assetcollections.support.OnPostgres;

@OnPostgres
class SharingStoryPostgresTest extends SharingStoryContract {}
