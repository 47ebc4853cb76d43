package cn.linli.platform.pagination;

import java.time.Instant;
import java.util.List;
import java.util.stream.LongStream;

import cn.linli.platform.error.LinliException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The page size rule, opaque cursors that round-trip, and the extra row that says another page follows. */
class PageRequestTest {

    record Row(long id, Instant createdAt) {
        Keyset position() {
            return new Keyset(createdAt, id);
        }
    }

    @Test
    void pageSizeDefaultsTo20AndMustStayWithin1To100() {
        assertThat(PageRequest.of(null, null).first()).isEqualTo(20);
        assertThat(PageRequest.of(100, "").limitPlusOne()).isEqualTo(101);
        for (int bad : new int[] {0, -1, 101}) {
            assertThatThrownBy(() -> PageRequest.of(bad, null)).isInstanceOfSatisfying(LinliException.class,
                    ex -> assertThat(ex.extensions()).containsEntry("code", "VALIDATION_FAILED").containsEntry("field", "first"));
        }
    }

    @Test
    void cursorsRoundTripToTheNanosecondAndForgedOnesAreRefused() {
        Keyset position = new Keyset(Instant.parse("2026-12-01T08:00:00.123456Z"), 42);
        assertThat(PageRequest.of(5, position.encode()).after()).isEqualTo(position);
        for (String forged : new String[] {"abc", "azE6MTox", position.encode().substring(2)}) {
            assertThatThrownBy(() -> PageRequest.of(5, forged)).isInstanceOfSatisfying(LinliException.class,
                    ex -> assertThat(ex.extensions()).containsEntry("field", "after"));
        }
    }

    @Test
    void aConnectionShowsThePageAndSaysWhetherMoreFollow() {
        Instant now = Instant.parse("2026-12-01T08:00:00Z");
        List<Row> rows = LongStream.rangeClosed(1, 4).mapToObj(id -> new Row(id, now.plusSeconds(id))).toList();
        PageRequest page = PageRequest.of(3, null);

        Connection<Row> full = Connection.of(rows, page, Row::position);
        assertThat(full.edges()).extracting(edge -> edge.node().id()).containsExactly(1L, 2L, 3L);
        assertThat(full.pageInfo().hasNextPage()).isTrue();
        assertThat(PageRequest.of(3, full.pageInfo().endCursor()).after()).isEqualTo(rows.get(2).position());

        Connection<Row> last = Connection.of(rows.subList(3, 4), page, Row::position);
        assertThat(last.pageInfo().hasNextPage()).isFalse();
        assertThat(Connection.of(List.<Row>of(), page, Row::position).pageInfo().endCursor()).isNull();
    }

    @Test
    void theKeysetConditionComparesTheRowValueInTheRightDirection() {
        assertThat(PageRequest.after("o.")).contains("(o.created_at, o.id) > (:afterTime, :afterId)");
        assertThat(PageRequest.before("")).contains("(created_at, id) < (:afterTime, :afterId)");
    }
}
