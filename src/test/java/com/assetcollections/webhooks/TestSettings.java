package com.assetcollections.webhooks;

import java.util.Map;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** {@link WebhookSettings} bound the way Spring binds them, without a context: the declared defaults plus overrides. */
final class TestSettings {

    private TestSettings() {}

    /** The settings of a service configured with nothing but {@code overrides} ({@code app.webhooks.} left out). */
    static WebhookSettings with(Map<String, String> overrides) {
        MapConfigurationPropertySource source = new MapConfigurationPropertySource();
        overrides.forEach((name, value) -> source.put("app.webhooks." + name, value));
        return new Binder(source).bindOrCreate("app.webhooks", WebhookSettings.class);
    }

    static WebhookSettings defaults() {
        return with(Map.of());
    }
}
