package cn.linli.ballot;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import cn.linli.platform.timer.Timers;
import cn.linli.support.ApiDocuments;
import cn.linli.support.IntegrationTest;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.web.reactive.function.BodyInserters;

import static cn.linli.support.Concurrently.runAtOnce;

/**
 * Shared steps of the ballot tests, all through the api/ documents: a fresh community (so eligible households and
 * turnout are the test's own) brought up as an administrator would — street, community, its staff, the sample
 * households imported — and members verified through 房屋认证 (apply, staff approve).
 */
abstract class BallotTestBase extends IntegrationTest {

    protected static final ParameterizedTypeReference<Map<String, Object>> MAP = new ParameterizedTypeReference<>() { };

    @Autowired
    protected Timers timers;

    /** A community of the test's own: its id, its staff, and its 12 households (8 in 翠竹苑, 4 in 银杏小区) by label. */
    protected record Community(String id, Login staff, Map<String, String> households) {

        String household(String label) {
            return Objects.requireNonNull(households.get(label), label);
        }

        /** The first n households, 翠竹苑 first. */
        List<String> first(int n) {
            return households.entrySet().stream().sorted(Map.Entry.comparingByKey())
                    .map(Map.Entry::getValue).limit(n).toList();
        }
    }

    protected Community newCommunity() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        Login admin = admin();
        String street = data(api(admin.client(), "CreateStreet").variable("input", Map.of("name", "投票街道" + suffix)),
                "createStreet.id");
        String community = data(api(admin.client(), "CreateCommunity").variable("input", Map.of("streetId", street,
                "name", "投票社区" + suffix, "address", "投票路 1 号")), "createCommunity.id");
        Login staff = login("ballot-staff-" + suffix);
        api(admin.client(), "AppointStaff").variable("input", Map.of("communityId", community,
                "accountId", String.valueOf(staff.accountId()), "title", "社区书记")).execute().errors().verify();
        String importId = importSample(staff, community);
        api(staff.client(), "CommitHouseholdImport").variable("input", Map.of("importId", importId)).execute()
                .errors().verify();
        return new Community(community, staff, households(staff, community));
    }

    /** A brand-new WeChat user made a verified member (家属) of the household by the community's staff. */
    protected Login verifiedMember(Community community, String householdId) {
        Login member = login("ballot-voter-" + UUID.randomUUID());
        String request = data(api(member.client(), "RequestHouseholdVerification").variable("input",
                Map.of("householdId", householdId, "relation", "FAMILY", "realName", "投票人")),
                "requestHouseholdVerification.id");
        api(community.staff().client(), "ApproveVerificationRequest").variable("input", Map.of("requestId", request))
                .execute().errors().verify();
        return member;
    }

    protected Map<String, Object> ballotInput(Community community, String kind, String mode, List<String> options) {
        Map<String, Object> input = new HashMap<>();
        input.put("communityId", community.id());
        input.put("kind", kind);
        input.put("pickMode", mode);
        input.put("title", "加装电梯方案");
        input.put("opensAt", Instant.now().minusSeconds(60).toString());
        input.put("closesAt", Instant.now().plus(Duration.ofDays(3)).toString());
        input.put("options", options.stream().map(label -> Map.of("label", label)).toList());
        return input;
    }

    protected String createBallot(Login staff, Map<String, Object> input) {
        return data(api(staff.client(), "CreateBallot").variable("input", input), "createBallot.id");
    }

    protected GraphQlTester.Response transition(Login staff, String operation, String ballotId) {
        return api(staff.client(), operation).variable("input", Map.of("ballotId", ballotId)).execute();
    }

    /** Creates an APPROVE ballot opening now and opens it. */
    protected String openApproveBallot(Community community) {
        String id = createBallot(community.staff(), ballotInput(community, "PROJECT", "APPROVE", List.of()));
        transition(community.staff(), "OpenBallot", id).path("openBallot.status").entity(String.class).isEqualTo("OPEN");
        return id;
    }

    protected List<String> optionIds(Login who, String ballotId) {
        GraphQlTester.Response ballot = api(who.client(), "Ballot").variable("id", ballotId).execute();
        ballot.errors().verify();
        return ballot.path("ballot.options[*].id").entityList(String.class).get();
    }

    protected GraphQlTester.Response vote(Login who, String ballotId, List<String> optionIds, @Nullable String key) {
        return api(who.client(), "CastBallotVote").variable("input", voteInput(ballotId, optionIds, key)).execute();
    }

    protected static Map<String, Object> voteInput(String ballotId, List<String> optionIds, @Nullable String key) {
        Map<String, Object> input = new HashMap<>();
        input.put("ballotId", ballotId);
        input.put("optionIds", optionIds);
        if (key != null) {
            input.put("idempotencyKey", key);
        }
        return input;
    }

    protected Map<String, Object> results(Login who, String ballotId) {
        GraphQlTester.Response response = api(who.client(), "BallotResults").variable("ballotId", ballotId).execute();
        response.errors().verify();
        return response.path("ballotResults").entity(MAP).get();
    }

    // ---- real concurrency over HTTP ----


    private Map<String, String> households(Login who, String community) {
        GraphQlTester.Response tree = api(who.client(), "CommunityTree").variable("id", community).execute();
        tree.errors().verify();
        Map<String, String> byLabel = new HashMap<>();
        tree.path("community.estates[*].buildings[*].units[*].households[*]").entityList(MAP).get()
                .forEach(h -> byLabel.put((String) h.get("label"), (String) h.get("id")));
        return byLabel;
    }

    private String importSample(Login staff, String community) {
        byte[] sample;
        try (InputStream in = getClass().getResourceAsStream("/samples/households.csv")) {
            sample = Objects.requireNonNull(in).readAllBytes();
        } catch (IOException ex) {
            throw new IllegalStateException(ex);
        }
        MultipartBodyBuilder form = new MultipartBodyBuilder();
        form.part("file", new ByteArrayResource(sample) {
            @Override
            public String getFilename() {
                return "households.csv";
            }
        }).contentType(MediaType.TEXT_PLAIN);
        @SuppressWarnings("unchecked")
        Map<String, Object> summary = http().post().uri("/imports/households?communityId=" + community)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + staff.accessToken())
                .contentType(MediaType.MULTIPART_FORM_DATA).body(BodyInserters.fromMultipartData(form.build()))
                .exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
        return (String) Objects.requireNonNull(summary).get("id");
    }
}
