package com.assetcollections.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class SignatureTest {

    private static final String BODY = "{\"event\":\"collection.updated\",\"data\":{\"name\":\"Brands é ✓\"}}";

    private final String id = UUID.randomUUID().toString();
    private final long now = Instant.now().getEpochSecond();
    private final String current = WebhookSecret.generate();
    private final String previous = WebhookSecret.generate();

    @Test
    void signsTheExampleOfTheStandardWebhooksSpecification() {
        assertThat(Signature.header(
                        List.of("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"),
                        "msg_p5jXN8AQM9LWM0D4loKWxJek",
                        1614265330,
                        "{\"test\": 2432232314}".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
    }

    @Test
    void aSignatureVerifiesWithItsSecretOnly() {
        String header = Signature.header(List.of(current), id, now, bytes(BODY));
        assertThat(header).matches("v1,[A-Za-z0-9+/]{43}=");
        assertThat(verify(current, header, BODY)).isTrue();
        assertThat(verify(previous, header, BODY)).isFalse();
        assertThat(verify(current, header, BODY.replace("Brands", "Brandz"))).isFalse();
        assertThat(StandardWebhooksVerifier.verify(current, "other", Long.toString(now), header, BODY))
                .isFalse();
        assertThat(StandardWebhooksVerifier.verify(current, id, Long.toString(now + 1), header, BODY))
                .isFalse();
    }

    @Test
    void duringARotationEitherSecretVerifies() {
        String header = Signature.header(List.of(current, previous), id, now, bytes(BODY));
        assertThat(header).matches("v1,[A-Za-z0-9+/]{43}= v1,[A-Za-z0-9+/]{43}=");
        assertThat(header.split(" "))
                .containsExactly(
                        Signature.header(List.of(current), id, now, bytes(BODY)),
                        Signature.header(List.of(previous), id, now, bytes(BODY)));
        assertThat(verify(current, header, BODY)).isTrue();
        assertThat(verify(previous, header, BODY)).isTrue();
        assertThat(verify(WebhookSecret.generate(), header, BODY)).isFalse();
    }

    @Test
    void aSecretIsThePrefixAndBase64OfThirtyTwoBytes() {
        assertThat(current).matches("whsec_[A-Za-z0-9+/]{43}=").isNotEqualTo(previous);
        assertThat(WebhookSecret.key(current)).hasSize(32);
    }

    private boolean verify(String secret, String header, String body) {
        return StandardWebhooksVerifier.verify(secret, id, Long.toString(now), header, body);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
