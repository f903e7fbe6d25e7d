package com.assetcollections.collections;

import com.assetcollections.support.OnPostgres;

@OnPostgres
class FinerInvalidationPostgresTest extends FinerInvalidationContract {}
