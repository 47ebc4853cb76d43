package cn.linli.platform.crypto;

import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The cipher as a rule, without a server: sealing, opening, rotation, lookup hashes and refused keys. */
class PersonalDataCipherTest {

    private static final String KEY_1 = "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=";
    private static final String KEY_2 = "ZmVkY2JhOTg3NjU0MzIxMGZlZGNiYTk4NzY1NDMyMTA=";
    private static final String HASH_KEY = "a-hash-key-of-at-least-thirty-two-bytes";

    private static PersonalDataCipher cipher(Map<String, String> keys, String current) {
        return new PersonalDataCipher(new PersonalDataProperties(keys, current, HASH_KEY));
    }

    private final PersonalDataCipher k1 = cipher(Map.of("k1", KEY_1), "k1");

    @Test
    void aSealedValueHidesTheTextAndOpensToIt() {
        String sealed = k1.seal("13800000001");
        assertThat(sealed).startsWith("enc:k1:").doesNotContain("13800000001").doesNotContain("3800000");
        assertThat(k1.open(sealed)).isEqualTo("13800000001");
        assertThat(k1.open(k1.seal("王秀英"))).isEqualTo("王秀英");
        assertThat(k1.seal(null)).isNull();
        assertThat(k1.open(null)).isNull();
    }

    @Test
    void theSameTextSealsDifferentlyEachTimeSoCiphertextsRevealNoEquality() {
        assertThat(k1.seal("13800000001")).isNotEqualTo(k1.seal("13800000001"));
    }

    @Test
    void lookupHashesMatchEqualPhonesWhateverTheirPunctuationAndDependOnTheHashKey() {
        assertThat(k1.phoneHash("138-0000-0001")).isEqualTo(k1.phoneHash("13800000001")).hasSize(64);
        assertThat(k1.phoneHash("13800000002")).isNotEqualTo(k1.phoneHash("13800000001"));
        PersonalDataCipher otherHashKey = new PersonalDataCipher(new PersonalDataProperties(Map.of("k1", KEY_1), "k1",
                "another-hash-key-of-at-least-thirty-two-bytes"));
        assertThat(otherHashKey.phoneHash("13800000001")).isNotEqualTo(k1.phoneHash("13800000001"));
        assertThat(k1.phoneHash(null)).isNull();
    }

    @Test
    void textWrittenBeforeEncryptionIsReadAsItIsAndMarkedForResealing() {
        assertThat(k1.open("13800000001")).isEqualTo("13800000001");
        assertThat(k1.needsResealing("13800000001")).isTrue();
        assertThat(k1.needsResealing(k1.seal("13800000001"))).isFalse();
        assertThat(k1.needsResealing(null)).isFalse();
    }

    @Test
    void aRotationKeepsOldValuesReadableUntilTheyAreSealedAgainWithTheNewKey() {
        String old = k1.seal("13800000001");
        PersonalDataCipher rotated = cipher(Map.of("k1", KEY_1, "k2", KEY_2), "k2");

        assertThat(rotated.open(old)).isEqualTo("13800000001");
        assertThat(rotated.needsResealing(old)).isTrue();
        String resealed = rotated.seal(rotated.open(old));
        assertThat(resealed).startsWith("enc:k2:");
        assertThat(rotated.needsResealing(resealed)).isFalse();
        // the lookup hash does not depend on the encryption key: lookups survive the rotation
        assertThat(rotated.phoneHash("13800000001")).isEqualTo(k1.phoneHash("13800000001"));

        PersonalDataCipher withoutOldKey = cipher(Map.of("k2", KEY_2), "k2");
        assertThat(withoutOldKey.open(resealed)).isEqualTo("13800000001");
        assertThatThrownBy(() -> withoutOldKey.open(old)).hasMessageContaining("'k1', which is not configured");
    }

    @Test
    void anAlteredValueFailsItsIntegrityCheckInsteadOfReadingAsText() {
        String sealed = k1.seal("13800000001");
        int middle = "enc:k1:".length() + 20;
        char c = sealed.charAt(middle);
        String altered = sealed.substring(0, middle) + (c == 'A' ? 'B' : 'A') + sealed.substring(middle + 1);
        assertThatThrownBy(() -> k1.open(altered)).hasMessageContaining("integrity");
        // a value sealed under one key id cannot be passed off under another
        PersonalDataCipher both = cipher(Map.of("k1", KEY_1, "k2", KEY_2), "k1");
        assertThatThrownBy(() -> both.open(sealed.replace("enc:k1:", "enc:k2:"))).hasMessageContaining("integrity");
    }

    @Test
    void badKeySettingsStopTheStartWithTheReason() {
        assertThatThrownBy(() -> cipher(Map.of("k1", KEY_1), "k2")).hasMessageContaining("current-key 'k2' is not one of");
        assertThatThrownBy(() -> cipher(Map.of("k1", "c2hvcnQ="), "k1")).hasMessageContaining("must be 32 bytes");
        assertThatThrownBy(() -> cipher(Map.of("k1", "not base64!"), "k1")).hasMessageContaining("not Base64");
        assertThatThrownBy(() -> cipher(Map.of("K 1", KEY_1), "K 1")).hasMessageContaining("key id");
        assertThatThrownBy(() -> new PersonalDataCipher(new PersonalDataProperties(Map.of("k1", KEY_1), "k1", "short")))
                .hasMessageContaining("at least 32 bytes");
    }
}
