package com.assetcollections.webhooks;

import com.assetcollections.support.OnPostgres;

@OnPostgres
class WebhookVisibilityPropertyPostgresTest extends WebhookVisibilityPropertyContract {}
