package cn.linli.identity;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import cn.linli.community.Community;
import cn.linli.community.CommunityService;
import cn.linli.community.Household;
import cn.linli.community.StaffMember;
import cn.linli.photo.PhotoService;
import cn.linli.platform.graphql.Batches;
import cn.linli.platform.security.Viewer;
import graphql.GraphQLContext;
import jakarta.validation.Valid;
import org.jspecify.annotations.Nullable;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

/** GraphQL mappings for login, sessions and the account. */
@Controller
class IdentityController {

    private final IdentityService identity;
    private final CommunityService communities;
    private final PhotoService photos;

    IdentityController(IdentityService identity, CommunityService communities, PhotoService photos) {
        this.identity = identity;
        this.communities = communities;
        this.photos = photos;
    }

    @MutationMapping
    Mono<Session> loginWithWeChat(@Argument @Valid Inputs.LoginWithWeChatInput input) {
        return identity.loginWithWeChat(input.code());
    }

    @MutationMapping
    Mono<Session> refreshSession(@Argument Inputs.RefreshSessionInput input) {
        return identity.refreshSession(input.refreshToken());
    }

    @MutationMapping
    Mono<Inputs.LogoutPayload> logout(@Argument Inputs.LogoutInput input) {
        return identity.logout(input.refreshToken()).map(Inputs.LogoutPayload::new);
    }

    @MutationMapping
    Mono<Account> bindPhoneNumber(@Argument @Valid Inputs.BindPhoneNumberInput input, Viewer viewer) {
        return identity.bindPhoneNumber(viewer, input.code());
    }

    @MutationMapping
    Mono<Account> updateMyProfile(@Argument @Valid Inputs.UpdateMyProfileInput input, Viewer viewer) {
        return identity.updateMyProfile(viewer, input.nickname(), input.avatarPhotoId());
    }

    @QueryMapping
    Mono<Account> me(Viewer viewer) {
        return identity.account(viewer.accountId());
    }

    @BatchMapping(typeName = "Account", field = "households")
    Mono<Map<Account, List<Household>>> householdsOfAccount(List<Account> accounts) {
        return Batches.many(accounts, Account::id, communities::householdsOfAccounts);
    }

    @BatchMapping(typeName = "Account", field = "staffCommunity")
    Mono<Map<Account, Community>> staffCommunityOfAccount(List<Account> accounts) {
        return communities.staffByAccounts(accounts.stream().map(Account::id).toList())
                .flatMap(staff -> communities.communitiesByIds(staff.values().stream().map(StaffMember::communityId).toList())
                        .map(byId -> accounts.stream()
                                .filter(account -> staff.containsKey(account.id()))
                                .collect(Collectors.toMap(Function.identity(),
                                        account -> byId.get(staff.get(account.id()).communityId()), (a, b) -> a))));
    }

    /** A signed link to the avatar photo, for whoever sees the account. */
    @SchemaMapping(typeName = "Account", field = "avatarUrl")
    @Nullable String avatarUrlOfAccount(Account account, GraphQLContext context) {
        return photos.url(account.avatarPhotoId(), context);
    }
}
