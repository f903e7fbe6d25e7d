package com.assetcollections.web;

import com.assetcollections.support.OnPostgres;

@OnPostgres
class CachingAndCompressionPostgresTest extends CachingAndCompressionContract {}
