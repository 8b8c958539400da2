package io.colimaservices.domain;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class ImageReferenceTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            postgres:17.6-bookworm                   | docker.io       | library/postgres        | 17.6-bookworm | ''
            postgres                                 | docker.io       | library/postgres        | latest        | ''
            grafana/loki:3.5.1                       | docker.io       | grafana/loki            | 3.5.1         | ''
            docker.io/library/redis:7.4.6-alpine     | docker.io       | library/redis           | 7.4.6-alpine  | ''
            index.docker.io/prom/prometheus:v2.55.1  | docker.io       | prom/prometheus         | v2.55.1       | ''
            codeberg.org/forgejo/forgejo:11.0.14     | codeberg.org    | forgejo/forgejo         | 11.0.14       | ''
            gcr.io/cadvisor/cadvisor:v0.55.1         | gcr.io          | cadvisor/cadvisor       | v0.55.1       | ''
            127.0.0.1:5000/team/api:2                | 127.0.0.1:5000  | team/api                | 2             | ''
            localhost/api                            | localhost       | api                     | latest        | ''
            localhost:5000/api@sha256:abcd           | localhost:5000  | api                     | ''            | sha256:abcd
            mysql:8.0@sha256:abcd                    | docker.io       | library/mysql           | 8.0           | sha256:abcd
            """)
    void splitsAsDockerDoes(String text, String registry, String repository, String tag, String digest) {
        ImageReference image = ImageReference.parse(text);

        assertThat(image.registry()).isEqualTo(registry);
        assertThat(image.repository()).isEqualTo(repository);
        assertThat(image.tag()).isEqualTo(tag);
        assertThat(image.digest()).isEqualTo(digest);
        assertThat(image).hasToString(text);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            postgres:17                    | docker.io/library/postgres:17    | docker.io/library/postgres | 17
            docker.io/library/postgres:17  | docker.io/library/postgres:17    | docker.io/library/postgres | 17
            127.0.0.1:5000/api@sha256:ab   | 127.0.0.1:5000/api@sha256:ab     | 127.0.0.1:5000/api         | sha256:ab
            """)
    void namesOneImageOneWay(String text, String canonical, String name, String reference) {
        ImageReference image = ImageReference.parse(text);

        assertThat(image.canonical()).isEqualTo(canonical);
        assertThat(image.name()).isEqualTo(name);
        assertThat(image.reference()).isEqualTo(reference);
    }
}
