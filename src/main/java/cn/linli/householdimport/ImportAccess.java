package cn.linli.householdimport;

import cn.linli.community.CommunityService;
import cn.linli.platform.security.Viewer;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Who may import and export: staff of the community (and administrators), for upload, report, commit and export
 * alike — the file and the report hold residents' names and phones.
 */
@Component
class ImportAccess {

    private final CommunityService communities;

    ImportAccess(CommunityService communities) {
        this.communities = communities;
    }

    Mono<Void> requireStaff(Viewer viewer, long communityId) {
        return communities.requireStaffOf(viewer, communityId);
    }
}
