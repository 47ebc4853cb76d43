package cn.linli.platform.crypto;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import cn.linli.support.ApiDocuments;
import cn.linli.support.IntegrationTest;
import cn.linli.support.SecondInstance;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Re-sealing (issue 17): what was written in plain text before encryption (here: demo SQL and a value put in by hand)
 * is sealed in the background, and a key rotation — a server started with a new current key, the old one still
 * configured — moves every value to the new key while everything stays readable.
 */
class PersonalDataResealingE2ETest extends IntegrationTest {

    /** A second key, for the rotation only ("rotation key 2 for the tests!!!!" in Base64). */
    private static final String ROTATION_KEY = "cm90YXRpb24ga2V5IDIgZm9yIHRoZSB0ZXN0cyEhISE=";

    @Autowired
    Resealing resealing;

    @Autowired
    ObjectProvider<SealedColumns> owners;

    @Autowired
    PersonalDataProperties properties;

    private List<SealedColumn> columns() {
        return owners.orderedStream().flatMap(owner -> owner.sealedColumns().stream()).toList();
    }

    /** Values of every sealed column not sealed with this key id (plain text, or another key). */
    private long notSealedWith(String keyId) {
        return columns().stream().mapToLong(column -> count("select count(*) from " + column.table() + " where "
                + column.column() + " is not null and " + column.column() + " not like 'enc:" + keyId + ":%'")).sum();
    }

    @Test
    void plainTextFromBeforeEncryptionIsSealedAndItsLookupHashFilledIn() {
        Login someone = login("legacy-" + UUID.randomUUID());
        db.sql("update account set phone = '13600000001', phone_hash = null where id = :id")
                .bind("id", someone.accountId()).then().block(Duration.ofSeconds(10));
        assertThat(notSealedWith(properties.currentKey())).isPositive();
        api(someone.client(), "Me").execute().path("me.phoneMasked").entity(String.class).isEqualTo("136****0001");

        resealing.resealAll().block(Duration.ofSeconds(60));

        assertThat(notSealedWith(properties.currentKey())).as("no plain text and no other key left").isZero();
        assertThat(count("select count(*) from account where id = " + someone.accountId()
                + " and phone_hash = '" + cipher.phoneHash("13600000001") + "'")).isEqualTo(1);
        assertThat(count("select count(*) from account where phone = '13600000001'")).isZero();
        api(someone.client(), "Me").execute().path("me.phoneMasked").entity(String.class).isEqualTo("136****0001");
        // the demo residents' phones, written by SQL in plain text, read the same once sealed
        api(resident().client(), "Me").execute().path("me.phoneMasked").entity(String.class).isEqualTo("138****0001");
        assertThat(resealing.resealAll().block(Duration.ofSeconds(60))).as("a second pass finds nothing").isZero();
    }

    @Test
    void aKeyRotationMovesEveryValueToTheNewKeyAndKeepsEverythingReadable() {
        Login someone = login("rotated-" + UUID.randomUUID());
        api(someone.client(), "BindPhoneNumber").variable("input", Map.of("code", "phone-13600000002")).execute()
                .errors().verify();
        resealing.resealAll().block(Duration.ofSeconds(60));
        String before = stored(someone.accountId());
        assertThat(before).startsWith("enc:" + properties.currentKey() + ":");
        Login demoResident = resident(); // logged in now: this server cannot read what the rotation seals
        try {
            rotateTo(before, someone, demoResident);
        } finally {
            rotateBack();
        }
        api(someone.client(), "Me").execute().path("me.phoneMasked").entity(String.class).isEqualTo("136****0002");
        api(demoResident.client(), "Me").execute().path("me.phoneMasked").entity(String.class).isEqualTo("138****0001");
    }

    /** A server with a new current key (the old one still configured) moves every value to it and reads them all. */
    private void rotateTo(String before, Login someone, Login demoResident) {
        try (SecondInstance rotated = SecondInstance.start(Map.of("linli.personal-data.keys.rot2", ROTATION_KEY,
                "linli.personal-data.current-key", "rot2"))) {
            // the rotated server re-seals in the background as it starts; a pass of our own joins it (a value both
            // try to move is moved by one, the other's conditional update finds it changed)
            rotated.context().getBean(Resealing.class).resealAll().block(Duration.ofSeconds(60));
            Awaitility.await("every value moved to the new key").atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofMillis(200)).until(() -> notSealedWith("rot2") == 0);
            assertThat(stored(someone.accountId())).isNotEqualTo(before).startsWith("enc:rot2:");
            // the rotated server reads everything: a phone sealed before the rotation, the demo residents'
            me(rotated, someone.accessToken()).path("me.phoneMasked").entity(String.class).isEqualTo("136****0002");
            me(rotated, demoResident.accessToken()).path("me.phoneMasked").entity(String.class).isEqualTo("138****0001");
            // and the lookup hash did not change with the key
            assertThat(count("select count(*) from account where id = " + someone.accountId()
                    + " and phone_hash = '" + cipher.phoneHash("13600000002") + "'")).isEqualTo(1);
        }
    }

    /** Back to this server's key for the rest of the suite (it knows only its own). */
    private void rotateBack() {
        PersonalDataCipher back = new PersonalDataCipher(new PersonalDataProperties(
                Map.of(properties.currentKey(), properties.keys().get(properties.currentKey()), "rot2", ROTATION_KEY),
                properties.currentKey(), properties.hashKey()));
        new Resealing(db, back, owners).resealAll().block(Duration.ofSeconds(60));
        assertThat(notSealedWith(properties.currentKey())).isZero();
    }

    private String stored(long accountId) {
        return db.sql("select phone from account where id = :id").bind("id", accountId)
                .map(row -> row.get("phone", String.class)).one().block(Duration.ofSeconds(10));
    }

    private static org.springframework.graphql.test.tester.GraphQlTester.Response me(SecondInstance server, String token) {
        WebTestClient http = WebTestClient.bindToServer().baseUrl("http://localhost:" + server.port() + "/graphql")
                .defaultHeader("Authorization", "Bearer " + token).build();
        return HttpGraphQlTester.create(http).document(ApiDocuments.load("Me")).operationName("Me").execute();
    }
}
