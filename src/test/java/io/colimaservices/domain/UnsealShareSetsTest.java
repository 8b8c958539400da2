package io.colimaservices.domain;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class UnsealShareSetsTest {
    private final MemorySecretStore store = new MemorySecretStore();

    private UnsealShareSets sets(String time) {
        return new UnsealShareSets(store, Clock.fixed(Instant.parse(time), ZoneOffset.UTC));
    }

    private void storeCurrent(List<String> shares, String root) {
        for (int i = 0; i < shares.size(); i++) {
            store.write(SecretNames.share(i + 1), shares.get(i));
        }
        store.write(SecretNames.ROOT_TOKEN, root);
    }

    @Test
    void aFingerprintNamesASetWithoutRevealingAShare() {
        String fp = UnsealShareSets.fingerprint(List.of("aaaa", "bbbb"));
        assertThat(fp).hasSize(16).matches("[0-9a-f]+");
        assertThat(UnsealShareSets.fingerprint(List.of("aaaa", "bbbb"))).isEqualTo(fp);
        assertThat(UnsealShareSets.fingerprint(List.of("bbbb", "aaaa"))).isNotEqualTo(fp);
    }

    @Test
    void everySetIsKeptAcrossReInitsWithItsDateAndRootToken() {
        List<String> first = List.of("s1a", "s1b", "s1c");
        storeCurrent(first, "root-1");
        String firstFp = sets("2026-01-01T00:00:00Z").currentFingerprint().orElseThrow();
        List<String> second = List.of("s2a", "s2b");
        String secondFp = sets("2026-02-01T00:00:00Z").keep(second, Optional.of("root-2"));
        storeCurrent(second, "root-2");
        store.delete(SecretNames.share(3));

        List<UnsealShareSets.ShareSet> all = sets("2026-03-01T00:00:00Z").list();
        assertThat(all).extracting(UnsealShareSets.ShareSet::fingerprint).containsExactly(secondFp, firstFp);
        assertThat(all.get(0).current()).isTrue();
        assertThat(all.get(1).current()).isFalse();
        assertThat(all.get(1).created()).isEqualTo(Instant.parse("2026-01-01T00:00:00Z"));
        assertThat(all.get(1).shares()).isEqualTo(3);
        assertThat(all.get(1).hasRootToken()).isTrue();
        assertThat(sets("2026-03-01T00:00:00Z").shares(firstFp)).isEqualTo(first);
    }

    @Test
    void makingAnOlderSetCurrentRestoresItsSharesAndRootTokenAndDropsTheAppToken() {
        List<String> old = List.of("o1", "o2");
        String oldFp = sets("2026-01-01T00:00:00Z").keep(old, Optional.of("root-old"));
        storeCurrent(List.of("n1", "n2", "n3"), "root-new");
        store.write(SecretNames.APP_TOKEN, "app-new");
        UnsealShareSets sets = sets("2026-02-01T00:00:00Z");
        String newFp = sets.currentFingerprint().orElseThrow();

        sets.makeCurrent(oldFp);
        assertThat(sets.currentShares()).isEqualTo(old);
        assertThat(store.read(SecretNames.ROOT_TOKEN)).contains("root-old");
        assertThat(store.read(SecretNames.APP_TOKEN)).isEmpty();
        assertThat(sets.currentFingerprint()).contains(oldFp);
        // The set it replaced is still kept.
        assertThat(sets.shares(newFp)).containsExactly("n1", "n2", "n3");
    }

    @Test
    void anUnknownSetIsANamedError() {
        assertThatThrownBy(() -> sets("2026-01-01T00:00:00Z").shares("0123456789abcdef"))
                .isInstanceOf(UserError.class).hasMessageContaining("0123456789abcdef");
    }
}
