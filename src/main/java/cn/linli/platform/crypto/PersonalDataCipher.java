package cn.linli.platform.crypto;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.regex.Pattern;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.jspecify.annotations.Nullable;

/**
 * Seals personal data (phone numbers, real names) before it is written and opens it after it is read, so the database
 * holds no phone or name in plain text. A sealed value is {@code enc:<key id>:<Base64 of IV and AES-GCM ciphertext>}:
 * the key id lets a new key take over while values sealed with an old one stay readable until {@link Resealing}
 * moves them. A value without the prefix is one written before encryption (or by demo SQL) and is returned as it is;
 * re-sealing encrypts it too.
 * <p>
 * Lookups cannot compare ciphertexts (every seal has a fresh IV), so a column that is searched has a companion keyed
 * hash ({@link #lookupHash}): equal inputs, equal hashes, and without the hash key nobody can test guesses.
 */
public final class PersonalDataCipher {

    static final String PREFIX = "enc:";
    private static final Pattern KEY_ID = Pattern.compile("[a-z0-9-]{1,32}");
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final Map<String, SecretKey> keys;
    private final String currentKeyId;
    private final SecretKeySpec hashKey;
    private final SecureRandom random = new SecureRandom();
    /**
     * A Cipher per thread for opening: looking one up costs more than decrypting a phone number, and a page of the
     * dispatch board opens one per order. A Cipher is not thread-safe; each open initialises it afresh.
     */
    private static final ThreadLocal<Cipher> DECRYPTERS = ThreadLocal.withInitial(() -> {
        try {
            return Cipher.getInstance("AES/GCM/NoPadding");
        } catch (GeneralSecurityException unavailable) {
            throw new IllegalStateException("AES/GCM is not available in this JVM", unavailable);
        }
    });

    public PersonalDataCipher(PersonalDataProperties properties) {
        Map<String, SecretKey> parsed = new HashMap<>();
        properties.keys().forEach((id, base64) -> parsed.put(checkedId(id), aesKey(id, base64)));
        if (!parsed.containsKey(properties.currentKey())) {
            throw new IllegalStateException("linli.personal-data.current-key '" + properties.currentKey()
                    + "' is not one of linli.personal-data.keys " + parsed.keySet());
        }
        byte[] hashSecret = properties.hashKey().getBytes(StandardCharsets.UTF_8);
        if (hashSecret.length < 32) {
            throw new IllegalStateException("linli.personal-data.hash-key must be at least 32 bytes");
        }
        this.keys = Map.copyOf(parsed);
        this.currentKeyId = properties.currentKey();
        this.hashKey = new SecretKeySpec(hashSecret, "HmacSHA256");
    }

    private static String checkedId(String id) {
        if (!KEY_ID.matcher(id).matches()) {
            throw new IllegalStateException("A personal-data key id must be 1-32 of a-z, 0-9 and '-': " + id);
        }
        return id;
    }

    private static SecretKey aesKey(String id, String base64) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException notBase64) {
            throw new IllegalStateException("Personal-data key '" + id + "' is not Base64");
        }
        if (bytes.length != 32) {
            throw new IllegalStateException("Personal-data key '" + id + "' must be 32 bytes (AES-256), is " + bytes.length);
        }
        return new SecretKeySpec(bytes, "AES");
    }

    /** The value sealed with the current key; null stays null. */
    public @Nullable String seal(@Nullable String plain) {
        if (plain == null) {
            return null;
        }
        byte[] iv = new byte[IV_BYTES];
        random.nextBytes(iv);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, keys.get(currentKeyId), new GCMParameterSpec(TAG_BITS, iv));
            byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            byte[] out = ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array();
            return PREFIX + currentKeyId + ":" + Base64.getEncoder().withoutPadding().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is unavailable", e);
        }
    }

    /**
     * The plain value of what {@link #seal} wrote (or of a value written before encryption); null stays null.
     * A value sealed with a key that is no longer configured, or altered, fails: it is never shown as if it were text.
     */
    public @Nullable String open(@Nullable String stored) {
        if (stored == null || !stored.startsWith(PREFIX)) {
            return stored;
        }
        int colon = stored.indexOf(':', PREFIX.length());
        if (colon < 0) {
            throw new IllegalStateException("A sealed value without a key id");
        }
        String keyId = stored.substring(PREFIX.length(), colon);
        SecretKey key = keys.get(keyId);
        if (key == null) {
            throw new IllegalStateException("Personal data sealed with key '" + keyId + "', which is not configured");
        }
        byte[] in = Base64.getDecoder().decode(stored.substring(colon + 1));
        try {
            Cipher cipher = DECRYPTERS.get();
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, in, 0, IV_BYTES));
            return new String(cipher.doFinal(in, IV_BYTES, in.length - IV_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("A sealed personal-data value failed its integrity check", e);
        }
    }

    /** How every value sealed with the current key begins. */
    String currentPrefix() {
        return PREFIX + currentKeyId + ":";
    }

    /** Whether {@code stored} should be sealed again: plain text, or sealed with a key other than the current one. */
    public boolean needsResealing(@Nullable String stored) {
        return stored != null && !stored.startsWith(currentPrefix());
    }

    /**
     * The keyed hash (HMAC-SHA256, hex) that a lookup compares; null stays null. Callers pass values in one normal
     * form (a phone number's digits), as equal things must hash equal.
     */
    public @Nullable String lookupHash(@Nullable String plain) {
        if (plain == null) {
            return null;
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(hashKey);
            return HexFormat.of().formatHex(mac.doFinal(plain.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is unavailable", e);
        }
    }

    /** The lookup hash of a phone number: its digits only, so "138-0000-0001" and "13800000001" match. */
    public @Nullable String phoneHash(@Nullable String phone) {
        return phone == null ? null : lookupHash(phone.replaceAll("[^0-9]", ""));
    }
}
