package io.colimaservices.domain;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a pull run is asked to do: the images of the targets (with everything they depend on), one entry per image
 * however many services use it, in file order; and the services that have nothing to pull, with the reason.
 */
public record PullPlan(List<PlannedImage> images, List<SkippedService> skipped) {

    /** One image and the services that run it. */
    public record PlannedImage(ImageReference image, List<String> services) {
        public PlannedImage {
            services = List.copyOf(services);
        }
    }

    /** A service with nothing to pull. */
    public record SkippedService(String service, String reason) {
    }

    public PullPlan {
        images = List.copyOf(images);
        skipped = List.copyOf(skipped);
    }

    /**
     * Resolves targets as {@code up} does (groups or services, plus their dependencies); no targets means every
     * service of the catalog.
     *
     * @throws UserError naming a target that is neither a group nor a service
     */
    public static PullPlan of(Catalog catalog, Collection<String> targets) {
        Collection<String> services = targets.isEmpty() ? catalog.serviceNames()
                : catalog.withDependencies(catalog.resolveTargets(targets));
        Map<String, ImageReference> byCanonical = new LinkedHashMap<>();
        Map<String, List<String>> users = new LinkedHashMap<>();
        List<SkippedService> skipped = new ArrayList<>();
        for (ServiceDefinition s : catalog.services()) {
            if (!services.contains(s.name())) {
                continue;
            }
            if (s.hasBuild()) {
                skipped.add(new SkippedService(s.name(), "built from source (build:), nothing to pull"));
            } else if (s.image().isBlank()) {
                skipped.add(new SkippedService(s.name(), "no image in the compose file"));
            } else {
                ImageReference image = ImageReference.parse(s.image());
                byCanonical.putIfAbsent(image.canonical(), image);
                users.computeIfAbsent(image.canonical(), k -> new ArrayList<>()).add(s.name());
            }
        }
        List<PlannedImage> images = new ArrayList<>();
        byCanonical.forEach((key, image) -> images.add(new PlannedImage(image, users.get(key))));
        return new PullPlan(images, skipped);
    }
}
