package cn.linli.festival;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import cn.linli.platform.pagination.Keyset;
import org.jspecify.annotations.Nullable;

/** 邻里节众筹: a festival campaign. */
public record Campaign(long id, long communityId, String theme, LocalDate festivalDate, String mainVenue,
                       List<String> branchVenues, @Nullable String description, @Nullable Long coverPhotoId,
                       Instant deadline, long moneyGoalFen, FundingRule fundingRule, @Nullable String matchingSponsor,
                       @Nullable Long matchingCapFen, CampaignStatus status, Instant createdAt) {

    Keyset position() {
        return new Keyset(createdAt, id);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Campaign campaign && campaign.id == id;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(id);
    }
}
