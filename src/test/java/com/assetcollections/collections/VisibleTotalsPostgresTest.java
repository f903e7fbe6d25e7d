package com.assetcollections.collections;

import com.assetcollections.support.OnPostgres;

@OnPostgres
class VisibleTotalsPostgresTest extends VisibleTotalsContract {}
