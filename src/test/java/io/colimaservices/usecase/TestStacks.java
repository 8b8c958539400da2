package io.colimaservices.usecase;

import io.colimaservices.domain.LiveStack;
import io.colimaservices.domain.StackActions;
import io.colimaservices.domain.StackListing;
import io.colimaservices.domain.StackRecovery;
import io.colimaservices.domain.StackSnapshot;
import io.colimaservices.domain.StackStore;

/** The stack's ports over a store and actions of a test (no engine connection to open or close). */
final class TestStacks {
    private TestStacks() {
    }

    static LiveStack live(StackActions actions) {
        return new LiveStack() {
            @Override
            public StackActions actions() {
                return actions;
            }

            @Override
            public StackRecovery recovery() {
                throw new UnsupportedOperationException();
            }
        };
    }

    static StackListing listing(StackStore store) {
        return new StackListing() {
            @Override
            public StackSnapshot listNow() {
                return store.current();
            }

            @Override
            public String engineHost() {
                return "fake://";
            }
        };
    }
}
