package cn.linli.order;

import org.jspecify.annotations.Nullable;

/** A person as shown on an order (resident, serving member, actor). */
record OrderPerson(long id, @Nullable String nickname) {
}
