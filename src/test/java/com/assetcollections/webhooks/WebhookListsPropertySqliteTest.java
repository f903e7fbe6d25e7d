package com.assetcollections.webhooks;

import com.assetcollections.support.OnSqlite;

@OnSqlite
class WebhookListsPropertySqliteTest extends WebhookListsPropertyContract {}
