package io.colimaservices.domain.backup;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Test stand-ins for the ports a test does not expect to be used: every call fails the test. */
public final class Unused {
    private Unused() {
    }

    public static final class NoControl implements ServiceControl {
        @Override
        public void stop(List<String> services) {
            throw new AssertionError();
        }

        @Override
        public void start(List<String> services) {
            throw new AssertionError();
        }
    }

    public static class NoEngine implements BackupEngine {
        @Override
        public Container inspect(String containerId) {
            throw new AssertionError();
        }

        @Override
        public List<String> projectContainers(String project) {
            throw new AssertionError();
        }

        @Override
        public List<String> projectVolumes(String project) {
            throw new AssertionError();
        }

        @Override
        public List<String> containersUsing(String volume) {
            throw new AssertionError();
        }

        @Override
        public String startHelper(String image, String name, Map<String, String> volumeAtPath,
                                  List<String> readOnlyVolumes) {
            throw new AssertionError();
        }

        @Override
        public String createCopy(String sourceId, String name, Map<String, String> replacements) {
            throw new AssertionError();
        }

        @Override
        public void start(String containerId) {
            throw new AssertionError();
        }

        @Override
        public void stop(String containerId, Duration grace) {
            throw new AssertionError();
        }

        @Override
        public void remove(String containerId) {
            throw new AssertionError();
        }

        @Override
        public void createVolume(String name) {
            throw new AssertionError();
        }

        @Override
        public void removeVolume(String name) {
            throw new AssertionError();
        }
    }
}
