package cn.linli.householdimport;

import java.util.List;

import cn.linli.platform.crypto.PersonalDataCipher;
import cn.linli.platform.crypto.SealedColumn;
import cn.linli.platform.crypto.SealedColumns;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * SQL of the community tree (V1 tables, retired_at from V20) as the import needs it: read it for a dry run, and
 * create missing places for a commit. Creation is {@code insert … on conflict do nothing}, so a place someone added
 * meanwhile is found, not duplicated; the places rows will hang under are then read {@code for share}, which makes a
 * concurrent retire wait until the commit ends (or the commit sees it retired and refuses).
 */
@Repository
class ImportTreeRepository implements SealedColumns {

    private final DatabaseClient db;
    private final PersonalDataCipher cipher;

    ImportTreeRepository(DatabaseClient db, PersonalDataCipher cipher) {
        this.db = db;
        this.cipher = cipher;
    }

    /**
     * The registered head's name and phone (户主姓名, 联系电话) are sealed; the phone's keyed hash lets a verification
     * request tell approvers that the applicant's phone is the registered one.
     */
    @Override
    public List<SealedColumn> sealedColumns() {
        return List.of(SealedColumn.text("household", "registered_head_name"),
                SealedColumn.phone("household", "registered_head_phone", "registered_head_phone_hash"));
    }

    /** One existing place on a path; deeper names null where the path stops. */
    record Existing(String estate, boolean estateRetired, @Nullable String building, @Nullable Boolean buildingRetired,
                    @Nullable String unit, @Nullable Boolean unitRetired, @Nullable String room,
                    @Nullable Boolean roomRetired) {
    }

    /** A place with its id and its parent's (the community for an estate). */
    record Placed(long id, long parentId, String name, boolean retired) {
    }

    /** Empty when the community does not exist; else whether it is retired. */
    Mono<Boolean> communityRetired(long communityId) {
        return db.sql("select retired_at is not null as retired from community where id = :c").bind("c", communityId)
                .map(row -> Boolean.TRUE.equals(row.get("retired", Boolean.class))).one();
    }

    /** The same, locked for share until the commit ends (a concurrent retire of the community waits). */
    Mono<Boolean> lockCommunity(long communityId) {
        return db.sql("select retired_at is not null as retired from community where id = :c for share")
                .bind("c", communityId)
                .map(row -> Boolean.TRUE.equals(row.get("retired", Boolean.class))).one();
    }

    /** Every place under the named estates of the community, one row per deepest place (dry run, no locks). */
    Flux<Existing> existing(long communityId, List<String> estates) {
        return db.sql("""
                        select e.name as estate, e.retired_at is not null as estate_retired,
                               b.name as building, b.retired_at is not null as building_retired,
                               u.name as unit, u.retired_at is not null as unit_retired,
                               h.room, h.retired_at is not null as room_retired
                          from estate e
                          left join building b on b.estate_id = e.id
                          left join unit u on u.building_id = b.id
                          left join household h on h.unit_id = u.id
                         where e.community_id = :c and e.name = any(:estates)
                        """)
                .bind("c", communityId).bind("estates", estates.toArray(String[]::new))
                .mapProperties(Existing.class).all();
    }

    /**
     * The households in use (neither they nor a place above them retired) for the export, in the file's columns,
     * ordered by address. Retired ones are left out: re-importing them would be refused, never reinstated.
     */
    Flux<SheetRow> inUse(long communityId) {
        return db.sql("""
                        select 0 as row_number, e.name as estate, b.name as building, u.name as unit, h.room,
                               h.registered_head_name as head_name, h.registered_head_phone as head_phone
                          from household h
                          join unit u on u.id = h.unit_id
                          join building b on b.id = u.building_id
                          join estate e on e.id = b.estate_id
                         where h.community_id = :c and h.retired_at is null and u.retired_at is null
                           and b.retired_at is null and e.retired_at is null
                         order by e.name, b.name, u.name, h.room
                        """)
                .bind("c", communityId)
                .mapProperties(SheetRow.class)
                .all().map(row -> row.withHead(cipher.open(row.headName()), cipher.open(row.headPhone())));
    }

    /** Creates the estates that are missing; returns how many were created. */
    Mono<Long> createEstates(long communityId, List<String> names) {
        return db.sql("""
                        insert into estate (community_id, name)
                        select :c, n from unnest(cast(:names as text[])) n
                        on conflict (community_id, name) do nothing
                        """)
                .bind("c", communityId).bind("names", names.toArray(String[]::new))
                .fetch().rowsUpdated();
    }

    Flux<Placed> lockEstates(long communityId, List<String> names) {
        return db.sql("""
                        select id, community_id as parent_id, name, retired_at is not null as retired
                          from estate where community_id = :c and name = any(:names)
                         order by id for share
                        """)
                .bind("c", communityId).bind("names", names.toArray(String[]::new))
                .mapProperties(Placed.class).all();
    }

    Mono<Long> createBuildings(long communityId, List<Long> estateIds, List<String> names) {
        return create("insert into building (estate_id, community_id, name)", "(estate_id, name)", communityId,
                estateIds, names);
    }

    Flux<Placed> lockBuildings(List<Long> estateIds, List<String> names) {
        return lock("building", "estate_id", estateIds, names);
    }

    Mono<Long> createUnits(long communityId, List<Long> buildingIds, List<String> names) {
        return create("insert into unit (building_id, community_id, name)", "(building_id, name)", communityId,
                buildingIds, names);
    }

    Flux<Placed> lockUnits(List<Long> buildingIds, List<String> names) {
        return lock("unit", "building_id", buildingIds, names);
    }

    /** Households on these (unit, room) pairs that exist; rooms are not locked: a commit never changes them. */
    Flux<Placed> households(List<Long> unitIds, List<String> rooms) {
        return db.sql("""
                        select h.id, h.unit_id as parent_id, h.room as name, h.retired_at is not null as retired
                          from household h
                          join unnest(cast(:parents as bigint[]), cast(:names as text[])) as t(parent, name)
                            on h.unit_id = t.parent and h.room = t.name
                        """)
                .bind("parents", unitIds.toArray(Long[]::new)).bind("names", rooms.toArray(String[]::new))
                .mapProperties(Placed.class).all();
    }

    /** Creates households on these (unit, room) pairs unless there; returns the ones created. */
    Flux<Placed> createHouseholds(long communityId, List<Long> unitIds, List<String> rooms, List<@Nullable String> names,
                                  List<@Nullable String> phones) {
        return db.sql("""
                        insert into household (unit_id, community_id, room, registered_head_name, registered_head_phone,
                                               registered_head_phone_hash)
                        select t.unit, :c, t.room, t.name, t.phone, t.phone_hash
                          from unnest(cast(:units as bigint[]), cast(:rooms as text[]), cast(:names as text[]),
                                      cast(:phones as text[]), cast(:hashes as text[])) as t(unit, room, name, phone, phone_hash)
                        on conflict (unit_id, room) do nothing
                        returning id, unit_id as parent_id, room as name, false as retired
                        """)
                .bind("c", communityId).bind("units", unitIds.toArray(Long[]::new))
                .bind("rooms", rooms.toArray(String[]::new))
                .bind("names", names.stream().map(cipher::seal).toArray(String[]::new))
                .bind("phones", phones.stream().map(cipher::seal).toArray(String[]::new))
                .bind("hashes", phones.stream().map(cipher::phoneHash).toArray(String[]::new))
                .mapProperties(Placed.class).all();
    }

    // the table names below are constants of this class, never input
    private Mono<Long> create(String insertInto, String conflictKey, long communityId, List<Long> parents,
                              List<String> names) {
        return db.sql(insertInto + """
                         select t.parent, :c, t.name
                           from unnest(cast(:parents as bigint[]), cast(:names as text[])) as t(parent, name)
                         on conflict %s do nothing
                        """.formatted(conflictKey))
                .bind("c", communityId).bind("parents", parents.toArray(Long[]::new))
                .bind("names", names.toArray(String[]::new))
                .fetch().rowsUpdated();
    }

    private Flux<Placed> lock(String table, String parentColumn, List<Long> parents, List<String> names) {
        return db.sql("""
                        select p.id, p.%2$s as parent_id, p.name, p.retired_at is not null as retired
                          from %1$s p
                          join unnest(cast(:parents as bigint[]), cast(:names as text[])) as t(parent, name)
                            on p.%2$s = t.parent and p.name = t.name
                         order by p.id
                           for share of p
                        """.formatted(table, parentColumn))
                .bind("parents", parents.toArray(Long[]::new)).bind("names", names.toArray(String[]::new))
                .mapProperties(Placed.class).all();
    }
}
