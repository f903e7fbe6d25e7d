package com.assetcollections.web;

import com.assetcollections.support.OnPostgres;

@OnPostgres
class PublicLinksPostgresTest extends PublicLinksContract {}
