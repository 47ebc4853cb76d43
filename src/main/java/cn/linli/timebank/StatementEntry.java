package cn.linli.timebank;

import java.time.Instant;

import cn.linli.platform.pagination.Keyset;

/** One line of a person's statement: points in (positive) or out (negative), and why. */
record StatementEntry(long id, long points, MovementKind kind, String description, Instant at) {

    Keyset position() {
        return new Keyset(at, id);
    }
}
