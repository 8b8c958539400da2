package io.colimaservices.domain;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The engine's and registries' own texts: those marked "seen" came from Docker 20.10 against the loopback registry
 * in this project's tests; the others are moby's and Docker Hub's documented messages.
 */
class PullFailureTest {

    @ParameterizedTest(name = "{2}")
    @CsvSource(delimiter = '|', textBlock = """
            404 | NOT_FOUND          | manifest for 127.0.0.1:42317/exp/big:nope not found: manifest unknown: manifest unknown
            0   | WRONG_PLATFORM     | no matching manifest for linux/amd64 in the manifest list entries
            500 | UNAUTHORIZED       | Head "http://127.0.0.1:42318/v2/exp/big/manifests/1": no basic auth credentials
            500 | UNAUTHORIZED       | unauthorized: authentication required
            500 | NETWORK            | Get "http://127.0.0.1:1/v2/": dial tcp 127.0.0.1:1: connect: connection refused
            404 | NOT_FOUND          | pull access denied for nope/nope, repository does not exist or may require 'docker login': denied: requested access to the resource is denied
            500 | RATE_LIMITED       | toomanyrequests: You have reached your pull rate limit. You may increase the limit by authenticating and upgrading
            0   | NETWORK            | unexpected EOF
            0   | NETWORK            | read tcp 192.0.2.1:5000: read: connection reset by peer
            500 | NETWORK            | Get "https://registry-1.docker.io/v2/": net/http: request canceled while waiting for connection (Client.Timeout exceeded while awaiting headers)
            500 | NETWORK            | Get "https://registry-1.docker.io/v2/": dial tcp: lookup registry-1.docker.io: no such host
            0   | NETWORK            | Get "https://example/v2/x/blobs/sha256:ab": EOF
            0   | NO_SPACE           | write /var/lib/docker/tmp/GetImageBlob1: no space left on device
            400 | INVALID            | invalid reference format: repository name must be lowercase
            0   | WRONG_PLATFORM     | image operating system "windows" cannot be used on this platform
            500 | OTHER              | failed to register layer: some storage driver problem
            404 | NOT_FOUND          | something else entirely
            """)
    void sortsTheEnginesWords(int status, PullFailure.Kind kind, String message) {
        PullFailure failure = PullFailure.classify(status, message);

        assertThat(failure.kind()).isEqualTo(kind);
        assertThat(failure.message()).isEqualTo(message);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            NETWORK            | true
            BROKEN             | true
            STALLED            | true
            NOT_FOUND          | false
            WRONG_PLATFORM     | false
            UNAUTHORIZED       | false
            RATE_LIMITED       | false
            DOCKER_UNREACHABLE | false
            """)
    void onlyWhatANewAttemptCanMendIsRetried(PullFailure.Kind kind, boolean retried) {
        assertThat(new PullFailure(kind, "x").retryable()).isEqualTo(retried);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            NOT_FOUND      | 127.0.0.1:5000/exp/big:nope: not found in 127.0.0.1:5000 (no such image or tag) (manifest unknown)
            WRONG_PLATFORM | 127.0.0.1:5000/exp/big:nope: not published for this machine's platform (manifest unknown)
            UNAUTHORIZED   | 127.0.0.1:5000/exp/big:nope: 127.0.0.1:5000 refused access (manifest unknown)
            """)
    void namesTheImage(PullFailure.Kind kind, String line) {
        assertThat(new PullFailure(kind, "manifest unknown").describe(ImageReference.parse("127.0.0.1:5000/exp/big:nope")))
                .isEqualTo(line);
    }
}
