package com.assetcollections.webhooks;

import com.assetcollections.support.OnPostgres;

@OnPostgres
class WebhookListsPropertyPostgresTest extends WebhookListsPropertyContract {}
