package cn.linli.need;

import java.util.List;

import cn.linli.community.CommunityService;
import cn.linli.community.Household;
import cn.linli.platform.error.ErrorCode;
import cn.linli.platform.error.LinliException;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Where a need is: the household that raises it, and optionally an estate or building of the same community. A place
 * of another community is refused as invalid input; a retired place (停用) takes no new needs.
 */
@Component
class PlaceCheck {

    private final CommunityService communities;
    private final NeedEventRepository places;

    PlaceCheck(CommunityService communities, NeedEventRepository places) {
        this.communities = communities;
        this.places = places;
    }

    Mono<Household> household(long id) {
        return communities.householdsByIds(List.of(id))
                .flatMap(found -> Mono.justOrEmpty(found.get(id)))
                .switchIfEmpty(Mono.error(() -> LinliException.notFound("房屋")));
    }

    Mono<Void> check(long communityId, @Nullable Long estateId, @Nullable Long buildingId) {
        Mono<Void> estate = estateId == null ? Mono.empty()
                : places.estate(estateId).switchIfEmpty(Mono.error(() -> notHere("input.estateId", "小区")))
                        .flatMap(row -> usable(row, communityId, "input.estateId", "小区"));
        Mono<Void> building = buildingId == null ? Mono.empty()
                : places.building(buildingId).switchIfEmpty(Mono.error(() -> notHere("input.buildingId", "楼栋")))
                        .flatMap(row -> estateId != null && !estateId.equals(row.estateId())
                                ? Mono.error(LinliException.invalid("input.buildingId", "该楼栋不在所选小区"))
                                : usable(row, communityId, "input.buildingId", "楼栋"));
        return estate.then(building);
    }

    private static Mono<Void> usable(NeedEventRepository.PlaceRow row, long communityId, String field, String what) {
        if (row.communityId() != communityId) {
            return Mono.error(notHere(field, what));
        }
        if (row.retired()) {
            return Mono.error(new LinliException(ErrorCode.PLACE_RETIRED, "该" + what + "已停用，不能提交需求"));
        }
        return Mono.empty();
    }

    private static LinliException notHere(String field, String what) {
        return LinliException.invalid(field, "该" + what + "不属于本社区");
    }
}
