package cn.linli.timebank;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import cn.linli.platform.error.LinliException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The Java enums say exactly what the schema declares (the migrations' check constraints and the GraphQL enums), so a
 * new state cannot be added on one side only; plus the small rules the enums carry.
 */
class TimeBankKindsTest {

    private static final Path MIGRATIONS = Path.of("src/main/resources/db/migration");

    @Test
    void enumsMatchTheDatabaseCheckConstraints() throws IOException {
        String v6 = Files.readString(MIGRATIONS.resolve("V6__time_bank.sql"));
        String v7 = Files.readString(MIGRATIONS.resolve("V7__rewards_and_vouchers.sql"));
        String v9 = Files.readString(MIGRATIONS.resolve("V9__points_holds.sql"));
        assertThat(checkedValues(v6, "kind             text")).isEqualTo(names(AccountKind.values()));
        assertThat(checkedValues(v6, "kind            text")).isEqualTo(names(MovementKind.values()));
        assertThat(checkedValues(v7, "kind               text")).isEqualTo(names(RewardKind.values()));
        assertThat(checkedValues(v7, "status        text")).isEqualTo(names(VoucherStatus.values()));
        assertThat(checkedValues(v9, "status     text")).isEqualTo(names(HoldStatus.values()));
    }

    @Test
    void enumsMatchTheGraphQlSchema() throws IOException {
        String schema = Files.readString(Path.of("schema/timebank.graphqls"));
        assertThat(graphQlEnum(schema, "RewardKind")).isEqualTo(names(RewardKind.values()));
        assertThat(graphQlEnum(schema, "VoucherStatus")).isEqualTo(names(VoucherStatus.values()));
    }

    @Test
    void onlyTheIssuanceAccountMayGoNegativeAndPeopleAndPartnersHaveNoCommunityAccount() {
        assertThat(Arrays.stream(AccountKind.values()).filter(AccountKind::mayGoNegative)).containsExactly(AccountKind.ISSUANCE);
        assertThat(Arrays.stream(AccountKind.values()).filter(kind -> !kind.isCommunityAccount()))
                .containsExactly(AccountKind.PERSON, AccountKind.PARTNER);
    }

    @Test
    void theLeaderboardCountsServiceEarningsOnly() {
        assertThat(MovementKind.SERVICE).containsExactlyInAnyOrder(MovementKind.EARN_ORDER, MovementKind.EARN_VOLUNTEER);
        assertThat(MovementKind.names(MovementKind.SERVICE)).containsExactlyInAnyOrder("EARN_ORDER", "EARN_VOLUNTEER");
    }

    @Test
    void aHoldClosesOnceFromOpenOnly() {
        assertThat(HoldStatus.closableFrom()).containsExactly(HoldStatus.OPEN);
        for (HoldStatus from : HoldStatus.values()) {
            for (HoldStatus to : HoldStatus.values()) {
                boolean allowed = from == HoldStatus.OPEN && to != HoldStatus.OPEN;
                assertThat(from.mayBecome(to)).as("%s -> %s", from, to).isEqualTo(allowed);
            }
        }
    }

    @Test
    void voucherCodesAreReadFromTheQrPayloadOrTypedInAnyCase() {
        assertThat(VoucherQrCode.normalize("linli:voucher:ABCDE23456")).isEqualTo("ABCDE23456");
        assertThat(VoucherQrCode.normalize("  abcde23456 ")).isEqualTo("ABCDE23456");
        assertThat(VoucherQrCode.normalize(VoucherQrCode.payload("ZZZZZ99999"))).isEqualTo("ZZZZZ99999");
        for (String bad : new String[] {"", "ABC", "ABCDE-3456", "linli:voucher:", "ABCDE234567"}) {
            assertThatThrownBy(() -> VoucherQrCode.normalize(bad)).isInstanceOf(LinliException.class)
                    .hasMessageContaining("券码格式不正确");
        }
    }

    private static Set<String> names(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).collect(Collectors.toCollection(LinkedHashSet::new));
    }

    /** The values of {@code check (<column> in ('A', 'B', ...))} on the line that declares the column. */
    private static Set<String> checkedValues(String sql, String columnDeclaration) {
        int at = sql.indexOf(columnDeclaration);
        assertThat(at).as(columnDeclaration).isNotNegative();
        Matcher list = Pattern.compile("in \\(([^)]*)\\)").matcher(sql.substring(at));
        assertThat(list.find()).isTrue();
        return quoted(list.group(1));
    }

    private static Set<String> graphQlEnum(String schema, String name) {
        Matcher body = Pattern.compile("enum " + name + " \\{([^}]*)}").matcher(schema);
        assertThat(body.find()).as(name).isTrue();
        return Arrays.stream(body.group(1).split("\n")).map(String::strip)
                .filter(line -> line.matches("[A-Z_]+")).collect(Collectors.toCollection(LinkedHashSet::new));
    }

    private static Set<String> quoted(String list) {
        Matcher value = Pattern.compile("'([A-Z_]+)'").matcher(list);
        Set<String> values = new LinkedHashSet<>();
        while (value.find()) {
            values.add(value.group(1));
        }
        return values;
    }
}
