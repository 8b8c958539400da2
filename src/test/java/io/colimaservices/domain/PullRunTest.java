package io.colimaservices.domain;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class PullRunTest {
    private static final PullPolicy FAST = new PullPolicy(2, 3, Duration.ofMillis(10), Duration.ofMillis(40),
            Duration.ofSeconds(30));
    private static final RegistryCredentials NO_LOGINS = registry -> RegistryCredentials.Lookup.none();

    private final FakeImageEngine engine = new FakeImageEngine();
    private final List<PullProgress> heard = Collections.synchronizedList(new ArrayList<>());

    private PullResult run(PullPolicy policy, RegistryCredentials credentials, String... images)
            throws InterruptedException {
        return new PullActions(engine, credentials, policy).pull(plan(images), heard::add);
    }

    private static PullPlan plan(String... images) {
        List<PullPlan.PlannedImage> planned = new ArrayList<>();
        for (String image : images) {
            planned.add(new PullPlan.PlannedImage(ImageReference.parse(image), List.of("svc-" + planned.size())));
        }
        return new PullPlan(planned, List.of());
    }

    private <T extends PullProgress> List<T> heard(Class<T> type) {
        synchronized (heard) {
            return heard.stream().filter(type::isInstance).map(type::cast).toList();
        }
    }

    @Test
    void pullsWhatIsMissingAndLeavesWhatIsPresent() throws Exception {
        engine.present("a:1").script("b:1", FakeImageEngine.success("b:1", 1000));

        PullResult result = run(FAST, NO_LOGINS, "a:1", "b:1");

        assertThat(result.succeeded()).isTrue();
        assertThat(result.images()).extracting(ImagePullView::state)
                .containsExactly(ImagePullState.PRESENT, ImagePullState.PULLED);
        assertThat(engine.pulled).containsExactly("b:1");
        assertThat(heard(PullProgress.Present.class)).extracting(p -> p.image().toString()).containsExactly("a:1");
        assertThat(heard(PullProgress.Pulled.class)).singleElement().satisfies(p -> assertThat(p.bytes())
                .isEqualTo(1000));
        assertThat(heard(PullProgress.Progress.class)).hasSize(7);
    }

    @Test
    void pullsAtMostTheBoundAtOnce() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        String[] images = {"i1:1", "i2:1", "i3:1", "i4:1", "i5:1"};
        for (String image : images) {
            engine.script(image, FakeImageEngine.Script.heldUntil(release, new PullEnd.Finished(),
                    new PullEvent(image, "", "Status: Downloaded newer image for " + image, -1, -1)));
        }
        PullRun run = new PullActions(engine, NO_LOGINS, FAST).start(plan(images), heard::add);

        await().atMost(Duration.ofSeconds(10)).until(() -> engine.pulled.size() == 2);
        assertThat(run.view().images()).extracting(ImagePullView::state).containsExactly(ImagePullState.PULLING,
                ImagePullState.PULLING, ImagePullState.QUEUED, ImagePullState.QUEUED, ImagePullState.QUEUED);
        release.countDown();
        PullResult result = run.await();

        assertThat(result.succeeded()).isTrue();
        assertThat(engine.mostAtOnce()).isEqualTo(2);
        assertThat(engine.pulled).hasSize(5);
    }

    @Test
    void aBrokenStreamIsRetriedWithGrowingDelays() throws Exception {
        engine.script("a:1",
                FakeImageEngine.Script.of(new PullEnd.Broken("Premature end of chunk coded message body")),
                FakeImageEngine.Script.of(new PullEnd.Refused(0, "read tcp: connection reset by peer")),
                FakeImageEngine.success("a:1", 500));

        PullResult result = run(FAST, NO_LOGINS, "a:1");

        assertThat(result.succeeded()).isTrue();
        List<PullProgress.Retrying> retries = heard(PullProgress.Retrying.class);
        assertThat(retries).extracting(r -> r.cause().kind())
                .containsExactly(PullFailure.Kind.BROKEN, PullFailure.Kind.NETWORK);
        assertThat(retries).extracting(PullProgress.Retrying::delay)
                .containsExactly(Duration.ofMillis(10), Duration.ofMillis(20));
        assertThat(result.images().getFirst().attempt()).isEqualTo(3);
    }

    @Test
    void aStreamThatEndsWithoutTheLastStatusCountsAsBroken() throws Exception {
        engine.script("a:1",
                FakeImageEngine.Script.of(new PullEnd.Finished(), new PullEvent("a:1", "l1", "Downloading", 1, 9)),
                FakeImageEngine.success("a:1", 9));

        PullResult result = run(FAST, NO_LOGINS, "a:1");

        assertThat(result.succeeded()).isTrue();
        assertThat(heard(PullProgress.Retrying.class)).singleElement()
                .satisfies(r -> assertThat(r.cause().kind()).isEqualTo(PullFailure.Kind.BROKEN));
    }

    @Test
    void givesUpAfterTheLastAttemptNamingTheImage() throws Exception {
        for (int i = 0; i < 3; i++) {
            engine.script("a:1", FakeImageEngine.Script.of(new PullEnd.Refused(500, "unexpected EOF")));
        }

        PullResult result = run(FAST, NO_LOGINS, "a:1");

        assertThat(result.succeeded()).isFalse();
        assertThat(result.failed()).singleElement().satisfies(image -> {
            assertThat(image.failure().orElseThrow().kind()).isEqualTo(PullFailure.Kind.NETWORK);
            assertThat(image.services()).containsExactly("svc-0");
        });
        assertThat(engine.pulled).hasSize(3);
        assertThat(heard(PullProgress.Failed.class)).singleElement()
                .satisfies(f -> assertThat(f.describe()).startsWith("FAILED a:1: ").endsWith("[svc-0]"));
    }

    @Test
    void aMissingTagOrPlatformIsNotRetried() throws Exception {
        engine.script("a:nope", FakeImageEngine.Script.of(new PullEnd.Refused(404,
                        "manifest for a:nope not found: manifest unknown: manifest unknown")))
                .script("b:1", FakeImageEngine.Script.of(new PullEnd.Refused(0,
                        "no matching manifest for linux/arm64/v8 in the manifest list entries"),
                        new PullEvent("b:1", "", "Pulling from library/b", -1, -1)));

        PullResult result = run(FAST, NO_LOGINS, "a:nope", "b:1");

        assertThat(result.failed()).extracting(i -> i.failure().orElseThrow().kind())
                .containsExactly(PullFailure.Kind.NOT_FOUND, PullFailure.Kind.WRONG_PLATFORM);
        assertThat(engine.pulled).hasSize(2);
        assertThat(heard(PullProgress.Retrying.class)).isEmpty();
    }

    @Test
    void aSilentPullIsStoppedAndRetried() throws Exception {
        engine.script("a:1", FakeImageEngine.Script.hanging(new PullEvent("a:1", "l1", "Downloading", 5, 10)),
                FakeImageEngine.success("a:1", 10));

        PullResult result = run(FAST.withStallTimeout(Duration.ofMillis(300)), NO_LOGINS, "a:1");

        assertThat(result.succeeded()).isTrue();
        assertThat(engine.closedEarly()).as("the silent attempt's stream was closed").isEqualTo(1);
        assertThat(heard(PullProgress.Retrying.class)).singleElement()
                .satisfies(r -> assertThat(r.cause().kind()).isEqualTo(PullFailure.Kind.STALLED));
    }

    @Test
    void anUnreachableEngineEndsTheImageAtOnce() throws Exception {
        engine.failPresenceChecks(new UserError(UserError.Kind.DOCKER_UNREACHABLE, "Docker unreachable at x"));

        PullResult result = run(FAST.withParallel(1), NO_LOGINS, "a:1", "b:1", "c:1");

        assertThat(result.engineUnreachable()).hasValueSatisfying(f ->
                assertThat(f.message()).isEqualTo("Docker unreachable at x"));
        assertThat(result.failed()).hasSize(3);
        assertThat(heard(PullProgress.Failed.class)).as("said once, not per image").hasSize(1);
        assertThat(engine.pulled).isEmpty();
    }

    @Test
    void anEngineThatThrowsStillGivesTheImageAnOutcome() throws Exception {
        engine.failPulls(new IllegalStateException("client closed"));

        PullResult result = run(FAST, NO_LOGINS, "a:1");

        assertThat(result.failed()).singleElement().satisfies(i -> assertThat(i.failure().orElseThrow())
                .isEqualTo(new PullFailure(PullFailure.Kind.OTHER, "IllegalStateException: client closed")));
    }

    @Test
    void cancelStopsWhatRunsAndWhatWaits() throws Exception {
        engine.script("a:1", FakeImageEngine.Script.hanging(new PullEvent("a:1", "l1", "Downloading", 5, 10)));
        PullRun run = new PullActions(engine, NO_LOGINS, FAST.withParallel(1)).start(plan("a:1", "b:1"),
                heard::add);
        await().atMost(Duration.ofSeconds(10)).until(() -> !heard(PullProgress.Progress.class).isEmpty());

        run.cancel();
        PullResult result = run.await();

        assertThat(result.images()).extracting(ImagePullView::state)
                .containsExactly(ImagePullState.CANCELLED, ImagePullState.CANCELLED);
        assertThat(engine.closedEarly()).isEqualTo(1);
        assertThat(engine.pulled).containsExactly("a:1");
        assertThat(result.succeeded()).isFalse();
    }

    @Test
    void asksForEachRegistrysLoginOnceAndPassesIt() throws Exception {
        AtomicInteger lookups = new AtomicInteger();
        RegistryLogin login = new RegistryLogin("127.0.0.1:5000", "me", "s3cret", "");
        RegistryCredentials credentials = registry -> {
            lookups.incrementAndGet();
            return registry.equals("127.0.0.1:5000") ? RegistryCredentials.Lookup.found(login, "a helper")
                    : RegistryCredentials.Lookup.failed("docker-credential-desktop is not installed");
        };
        engine.script("127.0.0.1:5000/a:1", FakeImageEngine.success("127.0.0.1:5000/a:1", 1))
                .script("127.0.0.1:5000/b:1", FakeImageEngine.success("127.0.0.1:5000/b:1", 1))
                .script("c:1", FakeImageEngine.success("c:1", 1));

        PullResult result = run(FAST, credentials, "127.0.0.1:5000/a:1", "127.0.0.1:5000/b:1", "c:1");

        assertThat(result.succeeded()).isTrue();
        assertThat(lookups).hasValue(2);
        assertThat(Set.copyOf(engine.logins)).containsExactlyInAnyOrder(Optional.of(login), Optional.empty());
        assertThat(heard(PullProgress.Note.class)).extracting(PullProgress.Note::text).containsExactlyInAnyOrder(
                "signing in to 127.0.0.1:5000 with the login from a helper",
                "credentials for docker.io: docker-credential-desktop is not installed; pulling without signing in");
        assertThat(login.toString()).doesNotContain("s3cret");
    }

    @Test
    void totalsAddTheImagesUp() throws Exception {
        engine.present("a:1").script("b:1", FakeImageEngine.success("b:1", 4000))
                .script("c:1", FakeImageEngine.success("c:1", 6000));

        PullRun run = new PullActions(engine, NO_LOGINS, FAST).start(plan("a:1", "b:1", "c:1"), heard::add);
        run.await();

        PullTotals totals = run.view().totals();
        assertThat(totals.downloaded()).isEqualTo(10_000);
        assertThat(totals.size()).isEqualTo(10_000);
        assertThat(totals.sizeComplete()).isTrue();
        assertThat(totals.imagesFinished()).isEqualTo(3);
        assertThat(PullText.totals(totals)).startsWith("3/3 images  10.0 kB/10.0 kB  -  -");
    }

    @Test
    void planTakesEachImageOnceAndSkipsWhatIsBuilt() {
        Catalog catalog = new Catalog(Path.of("/stack/docker-compose.yml"), List.of(
                service("db", "postgres:17", false),
                service("db-replica", "docker.io/library/postgres:17", false, "db"),
                service("api", "", true, "db"),
                service("worker", "example/worker:dev", true, "db"),
                service("cache", "redis:7", false),
                service("other", "grafana/grafana:11", false)));

        PullPlan plan = PullPlan.of(catalog, List.of("api", "worker", "db-replica", "cache"));

        assertThat(plan.images()).extracting(p -> p.image().toString(), PullPlan.PlannedImage::services)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("postgres:17", List.of("db", "db-replica")),
                        org.assertj.core.groups.Tuple.tuple("redis:7", List.of("cache")));
        assertThat(plan.skipped()).extracting(PullPlan.SkippedService::service).containsExactly("api", "worker");
        assertThat(PullPlan.of(catalog, List.of()).images()).hasSize(3);
    }

    private static ServiceDefinition service(String name, String image, boolean built, String... deps) {
        return new ServiceDefinition(name, ServiceGroup.DATA, image, List.of(),
                java.util.Arrays.stream(deps).map(d -> new Dependency(d, DependencyCondition.SERVICE_STARTED)).toList(),
                false, Optional.empty(), Optional.empty(), TlsCapability.NONE, Optional.empty(), "", Set.of(), 1,
                false, built);
    }
}
