package com.assetcollections.webhooks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;

/**
 * Seals the signing secrets of subscriptions for storage: AES-256-GCM under the key of
 * {@code app.webhooks.encryption-key}, or of a key file made on first use when none is configured.
 * A database dump without the key holds no secret that could sign.
 */
@Component
public class SecretBox {

    private static final byte VERSION = 1;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final byte[] CONTEXT = "webhook signing secret v1".getBytes(StandardCharsets.UTF_8);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final WebhookSettings settings;
    private volatile SecretKeySpec key;

    SecretBox(WebhookSettings settings) {
        this.settings = settings;
    }

    public byte[] seal(String secret) {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        try {
            Cipher aes = Cipher.getInstance("AES/GCM/NoPadding");
            aes.init(Cipher.ENCRYPT_MODE, key(), new GCMParameterSpec(TAG_BITS, nonce));
            aes.updateAAD(CONTEXT);
            byte[] sealed = aes.doFinal(secret.getBytes(StandardCharsets.UTF_8));
            byte[] stored = new byte[1 + NONCE_BYTES + sealed.length];
            stored[0] = VERSION;
            System.arraycopy(nonce, 0, stored, 1, NONCE_BYTES);
            System.arraycopy(sealed, 0, stored, 1 + NONCE_BYTES, sealed.length);
            return stored;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is part of every JDK", e);
        }
    }

    public String open(byte[] stored) {
        if (stored.length < 1 + NONCE_BYTES || stored[0] != VERSION) {
            throw new IllegalStateException("a webhook secret in an unknown format");
        }
        try {
            Cipher aes = Cipher.getInstance("AES/GCM/NoPadding");
            aes.init(
                    Cipher.DECRYPT_MODE,
                    key(),
                    new GCMParameterSpec(TAG_BITS, Arrays.copyOfRange(stored, 1, 1 + NONCE_BYTES)));
            aes.updateAAD(CONTEXT);
            return new String(
                    aes.doFinal(stored, 1 + NONCE_BYTES, stored.length - 1 - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(
                    "a webhook secret does not open with this key: is app.webhooks.encryption-key the one it was sealed with?",
                    e);
        }
    }

    private SecretKeySpec key() {
        SecretKeySpec known = key;
        if (known == null) {
            synchronized (this) {
                if (key == null) {
                    key = new SecretKeySpec(loadKey(), "AES");
                }
                known = key;
            }
        }
        return known;
    }

    private byte[] loadKey() {
        if (!settings.encryptionKey().isBlank()) {
            return decodeKey(settings.encryptionKey(), "app.webhooks.encryption-key");
        }
        Path file = Path.of(settings.encryptionKeyFile());
        try {
            if (!Files.exists(file)) {
                byte[] fresh = new byte[32];
                RANDOM.nextBytes(fresh);
                if (file.toAbsolutePath().getParent() != null) {
                    Files.createDirectories(file.toAbsolutePath().getParent());
                }
                try {
                    Files.writeString(
                            file,
                            Base64.getEncoder().encodeToString(fresh) + "\n",
                            StandardOpenOption.CREATE_NEW,
                            StandardOpenOption.WRITE);
                    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
                } catch (java.nio.file.FileAlreadyExistsException madeMeanwhile) {
                    // another instance made it first: read theirs below
                } catch (UnsupportedOperationException notPosix) {
                    // the file stays with the default permissions
                }
            }
            return decodeKey(Files.readString(file).strip(), file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or make the webhook key file " + file, e);
        }
    }

    private static byte[] decodeKey(String base64, String origin) {
        byte[] decoded;
        try {
            decoded = Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(origin + " must be base64 of 32 bytes", e);
        }
        if (decoded.length != 32) {
            throw new IllegalStateException(origin + " must be base64 of 32 bytes, is " + decoded.length);
        }
        return decoded;
    }
}
