package cn.linli.privacy;

import java.time.Instant;
import java.util.List;

/** Everything Linli holds about one person (schema {@code PersonalData}). */
record PersonalData(Instant generatedAt, List<PersonalDataSection> sections) {
}
