package io.colimaservices.docker;

import com.github.dockerjava.api.exception.InternalServerErrorException;
import com.github.dockerjava.api.exception.NotFoundException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class EngineMessagesTest {

    @Test
    void takesTheEnginesMessageOutOfDockerJavasText() {
        assertThat(EngineMessages.of(new NotFoundException("{\"message\":\"manifest for x:1 not found: "
                + "manifest unknown: manifest unknown\"}\n"))).isEqualTo("manifest for x:1 not found: manifest "
                + "unknown: manifest unknown");
        assertThat(EngineMessages.of(new InternalServerErrorException("something plain")))
                .isEqualTo("something plain");
    }
}
