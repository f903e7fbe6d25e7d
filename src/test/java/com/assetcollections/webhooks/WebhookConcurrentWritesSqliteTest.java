package com.assetcollections.webhooks;

import com.assetcollections.support.OnSqlite;

@OnSqlite
class WebhookConcurrentWritesSqliteTest extends WebhookConcurrentWritesContract {}
