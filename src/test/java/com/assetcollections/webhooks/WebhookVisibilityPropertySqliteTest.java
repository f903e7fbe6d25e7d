package com.assetcollections.webhooks;

import com.assetcollections.support.OnSqlite;

@OnSqlite
class WebhookVisibilityPropertySqliteTest extends WebhookVisibilityPropertyContract {}
