package cn.linli.order;

import java.time.Instant;

import cn.linli.community.Household;
import cn.linli.partner.Offering;
import cn.linli.partner.Partner;
import cn.linli.partner.PartnerKind;
import cn.linli.partner.ServiceCategory;
import cn.linli.platform.crypto.PersonalDataCipher;
import io.r2dbc.spi.Readable;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DataClassRowMapper;

/**
 * An order of a list page with its to-one relations, read by the page's own statement (joined in) rather than by one
 * batch statement per nested field afterwards: {@link OrderRelations} hands them to the nested fields' batch loaders.
 * The columns and the values are the ones the owning features' repositories read (household label, partner phone
 * opened through the cipher), so the answers do not change.
 */
record ListedOrder(ServiceOrder order, @Nullable ServiceCategory category, @Nullable Offering offering,
                   @Nullable Household household, @Nullable Partner partner, @Nullable OrderPerson resident,
                   @Nullable OrderPerson servingMember) {

    /** {@code select } this {@code from } {@link #FROM}: the order's own columns, then its relations' (prefixed). */
    static final String COLUMNS = """
            o.*,
            c.code as c_code, c.name as c_name, c.dispatch_mode as c_dispatch_mode, c.earns_points as c_earns_points,
            f.id as f_id, f.partner_id as f_partner_id, f.category_id as f_category_id, f.title as f_title,
            f.description as f_description, f.price_kind as f_price_kind, f.price_points as f_price_points,
            f.price_fen as f_price_fen, f.estimated_minutes as f_estimated_minutes, f.active as f_active,
            f.created_at as f_created_at,
            h.unit_id as h_unit_id, h.community_id as h_community_id, h.room as h_room, h.created_at as h_created_at,
            h.retired_at as h_retired_at, %s as h_label,
            p.id as p_id, p.name as p_name, p.kind as p_kind, p.description as p_description,
            p.contact_phone as p_contact_phone, p.capacity as p_capacity, p.active_orders as p_active_orders,
            p.online as p_online, p.created_at as p_created_at,
            ra.id as ra_id, ra.nickname as ra_nickname, sa.id as sa_id, sa.nickname as sa_nickname
            """.formatted(Household.LABEL_SQL);

    /** Left joins: a missing relation is a null field, as it was with a batch loader that found nothing. */
    static final String FROM = """
              from service_order o
              left join service_category c on c.id = o.category_id
              left join offering f on f.id = o.offering_id
              left join (household h
                         join unit u on u.id = h.unit_id
                         join building b on b.id = u.building_id
                         join estate e on e.id = b.estate_id) on h.id = o.household_id
              left join partner p on p.id = o.partner_id
              left join account ra on ra.id = o.resident_id
              left join account sa on sa.id = o.serving_member_id
            """;

    /** Maps rows of {@link #COLUMNS}; one per statement (the order part is mapped as {@code mapProperties} would). */
    static final class Mapper {

        private final DataClassRowMapper<ServiceOrder> orders = new DataClassRowMapper<>(ServiceOrder.class);
        private final PersonalDataCipher cipher;

        Mapper(PersonalDataCipher cipher) {
            this.cipher = cipher;
        }

        ListedOrder map(Readable row) {
            ServiceOrder order = orders.apply(row);
            return new ListedOrder(order, category(row), offering(row), household(order, row), partner(row, cipher),
                    person(row, "ra_"), person(row, "sa_"));
        }

        private static @Nullable ServiceCategory category(Readable row) {
            String code = row.get("c_code", String.class);
            return code == null ? null : new ServiceCategory(row.get("category_id", Long.class), code,
                    row.get("c_name", String.class), row.get("c_dispatch_mode", String.class),
                    row.get("c_earns_points", Boolean.class));
        }

        private static @Nullable Offering offering(Readable row) {
            Long id = row.get("f_id", Long.class);
            return id == null ? null : new Offering(id, row.get("f_partner_id", Long.class),
                    row.get("f_category_id", Long.class), row.get("f_title", String.class),
                    row.get("f_description", String.class), row.get("f_price_kind", String.class),
                    row.get("f_price_points", Integer.class), row.get("f_price_fen", Integer.class),
                    row.get("f_estimated_minutes", Integer.class), row.get("f_active", Boolean.class),
                    row.get("f_created_at", Instant.class));
        }

        private static @Nullable Household household(ServiceOrder order, Readable row) {
            String label = row.get("h_label", String.class);
            return label == null ? null : new Household(order.householdId(), row.get("h_unit_id", Long.class),
                    row.get("h_community_id", Long.class), row.get("h_room", String.class), label,
                    row.get("h_created_at", Instant.class), row.get("h_retired_at", Instant.class));
        }

        /** A partner from {@code p_} columns (as {@code PartnerRepository} reads it: phone opened). */
        static @Nullable Partner partner(Readable row, PersonalDataCipher cipher) {
            Long id = row.get("p_id", Long.class);
            return id == null ? null : new Partner(id, row.get("p_name", String.class),
                    PartnerKind.valueOf(row.get("p_kind", String.class)), row.get("p_description", String.class),
                    cipher.open(row.get("p_contact_phone", String.class)), row.get("p_capacity", Integer.class),
                    row.get("p_active_orders", Integer.class), row.get("p_online", Boolean.class),
                    row.get("p_created_at", Instant.class));
        }

        /** A person from {@code <prefix>id} and {@code <prefix>nickname}, as the account batch loader gave it. */
        static @Nullable OrderPerson person(Readable row, String prefix) {
            Long id = row.get(prefix + "id", Long.class);
            return id == null ? null : new OrderPerson(id, row.get(prefix + "nickname", String.class));
        }
    }
}
