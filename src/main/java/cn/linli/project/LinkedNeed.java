package cn.linli.project;

import cn.linli.need.Need;
import org.jspecify.annotations.Nullable;

/**
 * A need as its project shows it to the community: what it asks for, its kind, status and support — never its
 * household or photos (staff open the need itself for those).
 */
record LinkedNeed(long id, String description, @Nullable String kindName, String status, String statusName,
                  @Nullable String placeName, int supporterCount) {

    static LinkedNeed of(Need need) {
        return new LinkedNeed(need.id(), need.description(), need.kind() == null ? null : need.kind().displayName(),
                need.status().name(), need.status().displayName(), need.placeName(), need.supporterCount());
    }
}
