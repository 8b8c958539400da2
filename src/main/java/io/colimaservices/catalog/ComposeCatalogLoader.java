package io.colimaservices.catalog;

import io.colimaservices.catalog.YamlTree.Mapping;
import io.colimaservices.catalog.YamlTree.Scalar;
import io.colimaservices.catalog.YamlTree.Sequence;
import io.colimaservices.catalog.YamlTree.Value;
import io.colimaservices.domain.Catalog;
import io.colimaservices.domain.CatalogException;
import io.colimaservices.domain.ConnectionKind;
import io.colimaservices.domain.Dependency;
import io.colimaservices.domain.DependencyCondition;
import io.colimaservices.domain.PortBinding;
import io.colimaservices.domain.ServiceDefinition;
import io.colimaservices.domain.ServiceGroup;
import io.colimaservices.domain.StackNetwork;
import io.colimaservices.domain.TlsCapability;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a compose file (plus the {@code docker-compose.override.yml} beside it, as compose itself does) into a
 * {@link Catalog}. Variables come from the process environment first, then the {@code .env} file beside the
 * compose file. Every problem is a {@link CatalogException} naming the file and, where known, the line.
 */
public final class ComposeCatalogLoader implements io.colimaservices.domain.CatalogLoader {
    public static final String OVERRIDE_FILE = "docker-compose.override.yml";

    private final Map<String, String> environment;

    /** A loader that reads variables from the process environment. */
    public ComposeCatalogLoader() {
        this(System.getenv());
    }

    public ComposeCatalogLoader(Map<String, String> environment) {
        this.environment = Map.copyOf(environment);
    }

    @Override
    public Catalog load(Path composeFile) {
        Path file = composeFile.toAbsolutePath().normalize();
        Map<String, String> variables = new LinkedHashMap<>(DotEnv.read(file.resolveSibling(".env")));
        variables.putAll(environment);
        Interpolator interpolator = new Interpolator(name -> Optional.ofNullable(variables.get(name)));

        ParsedFile main = readFile(file, interpolator);
        List<RawService> raw = new ArrayList<>(main.services());
        List<Path> files = new ArrayList<>(List.of(file));
        Mapping networks = main.networks();
        Path networksFile = file;
        Path override = file.resolveSibling(OVERRIDE_FILE);
        if (Files.isRegularFile(override) && !override.equals(file)) {
            ParsedFile extra = readFile(override, interpolator);
            mergeOverride(raw, extra.services());
            if (extra.networks() != null) {
                networks = networks == null ? extra.networks() : (Mapping) merge(networks, extra.networks());
                networksFile = override;
            }
            files.add(override);
        }
        List<ServiceDefinition> services = new ArrayList<>();
        for (RawService service : raw) {
            services.add(ServiceReader.read(service.file(), service.name(), service.body(), service.line()));
        }
        checkDependencies(services, raw);
        checkGroupNames(services, raw);
        Optional<StackNetwork> network = NetworkReader.read(networksFile, networks, raw.stream()
                .map(r -> new NetworkReader.ServiceBody(r.file(), r.name(), r.body())).toList());
        return new Catalog(files, markOneShots(services), network);
    }

    /** A service as parsed, before validation; kept with the file it came from for messages. */
    private record RawService(Path file, String name, Mapping body, int line) {
    }

    /** One file's services and its top-level {@code networks:} mapping (null when it declares none). */
    private record ParsedFile(List<RawService> services, Mapping networks) {
    }

    private static ParsedFile readFile(Path file, Interpolator interpolator) {
        Value root;
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            root = YamlTree.parse(file, reader, interpolator::interpolate);
        } catch (NoSuchFileException e) {
            throw new CatalogException(file, 0, "file not found");
        } catch (IOException e) {
            throw new CatalogException(file, 0, "cannot read: " + e.getMessage(), e);
        }
        if (!(root instanceof Mapping top)) {
            throw new CatalogException(file, root.line(), "a compose file must be a mapping with a 'services' key");
        }
        Value services = top.get("services");
        if (services == null) {
            throw new CatalogException(file, top.line(), "no 'services' section");
        }
        if (!(services instanceof Mapping serviceMap)) {
            throw new CatalogException(file, services.line(), "'services' must be a mapping of service names");
        }
        List<RawService> result = new ArrayList<>();
        serviceMap.entries().forEach((name, body) -> {
            int line = serviceMap.keyLine(name);
            if (!name.matches("[a-zA-Z0-9][a-zA-Z0-9_.-]*")) {
                throw new CatalogException(file, line, "invalid service name '" + name + "'");
            }
            if (!(body instanceof Mapping bodyMap)) {
                throw new CatalogException(file, line, "service '" + name + "' must be a mapping");
            }
            result.add(new RawService(file, name, bodyMap, line));
        });
        Value networks = top.get("networks");
        if (networks != null && !(networks instanceof Mapping) && !(networks instanceof Scalar sc && sc.isNull())) {
            throw new CatalogException(file, networks.line(), "'networks' must be a mapping of network names");
        }
        return new ParsedFile(result, networks instanceof Mapping m ? m : null);
    }

    /** Compose's merge rules, simplified: mappings merge by key, sequences concatenate, scalars are replaced. */
    private static void mergeOverride(List<RawService> base, List<RawService> overrides) {
        for (RawService o : overrides) {
            int index = indexOf(base, o.name());
            if (index < 0) {
                base.add(o);
            } else {
                RawService b = base.get(index);
                base.set(index, new RawService(o.file(), b.name(), (Mapping) merge(b.body(), o.body()), o.line()));
            }
        }
    }

    private static int indexOf(List<RawService> services, String name) {
        for (int i = 0; i < services.size(); i++) {
            if (services.get(i).name().equals(name)) {
                return i;
            }
        }
        return -1;
    }

    private static Value merge(Value base, Value override) {
        if (base instanceof Mapping b && override instanceof Mapping o) {
            Map<String, Value> entries = new LinkedHashMap<>(b.entries());
            Map<String, Integer> lines = new LinkedHashMap<>(b.keyLines());
            o.entries().forEach((k, v) -> {
                entries.merge(k, v, ComposeCatalogLoader::merge);
                lines.put(k, o.keyLine(k));
            });
            return new Mapping(entries, lines, o.line());
        }
        if (base instanceof Sequence b && override instanceof Sequence o) {
            List<Value> items = new ArrayList<>(b.items());
            items.addAll(o.items());
            return new Sequence(items, o.line());
        }
        return override;
    }

    private static void checkDependencies(List<ServiceDefinition> services, List<RawService> raw) {
        Map<String, ServiceDefinition> byName = new LinkedHashMap<>();
        services.forEach(s -> byName.put(s.name(), s));
        for (int i = 0; i < services.size(); i++) {
            ServiceDefinition s = services.get(i);
            for (Dependency d : s.dependsOn()) {
                if (!byName.containsKey(d.service())) {
                    throw new CatalogException(raw.get(i).file(), dependencyLine(raw.get(i), d.service()),
                            "service '" + s.name() + "' depends on unknown service '" + d.service() + "'");
                }
            }
        }
        List<String> cycle = findCycle(byName);
        if (!cycle.isEmpty()) {
            RawService first = raw.get(indexOf(raw, cycle.getFirst()));
            throw new CatalogException(first.file(), dependencyLine(first, cycle.get(1)),
                    "dependency cycle: " + String.join(" -> ", cycle));
        }
    }

    /**
     * A name that is both a group and a service would make {@code up NAME} ambiguous: refused, naming both (the
     * service's line and the line of the group label that names it).
     */
    private static void checkGroupNames(List<ServiceDefinition> services, List<RawService> raw) {
        for (int i = 0; i < services.size(); i++) {
            ServiceDefinition member = services.get(i);
            String group = member.group().label();
            int clash = indexOf(raw, group);
            if (clash >= 0) {
                RawService service = raw.get(clash);
                RawService labelled = raw.get(i);
                throw new CatalogException(labelled.file(), groupLine(labelled), "'" + group + "' is both a service "
                        + "(" + service.file().getFileName() + " line " + service.line() + ") and the group of service '"
                        + member.name() + "': rename one of them");
            }
        }
    }

    private static int groupLine(RawService service) {
        if (service.body().get("labels") instanceof Mapping labels && labels.entries().containsKey(StackLabels.GROUP)) {
            return labels.keyLine(StackLabels.GROUP);
        }
        return service.body().get("labels") != null ? service.body().get("labels").line() : service.line();
    }

    /** A service others wait for with {@code service_completed_successfully} is a one-shot job too. */
    private static List<ServiceDefinition> markOneShots(List<ServiceDefinition> services) {
        Set<String> awaitedToComplete = new LinkedHashSet<>();
        services.forEach(s -> s.dependsOn().stream()
                .filter(d -> d.condition() == DependencyCondition.SERVICE_COMPLETED_SUCCESSFULLY)
                .forEach(d -> awaitedToComplete.add(d.service())));
        List<ServiceDefinition> marked = new ArrayList<>();
        for (ServiceDefinition s : services) {
            marked.add(s.oneShot() || !awaitedToComplete.contains(s.name()) ? s : s.asOneShot());
        }
        return marked;
    }

    private static int dependencyLine(RawService service, String dependency) {
        Value deps = service.body().get("depends_on");
        if (deps instanceof Mapping m && m.entries().containsKey(dependency)) {
            return m.keyLine(dependency);
        }
        if (deps instanceof Sequence s) {
            for (Value item : s.items()) {
                if (item instanceof Scalar sc && sc.text().equals(dependency)) {
                    return sc.line();
                }
            }
        }
        return deps != null ? deps.line() : service.line();
    }

    /** A cycle as a path that starts and ends with the same service, or an empty list. */
    private static List<String> findCycle(Map<String, ServiceDefinition> services) {
        Map<String, Integer> colour = new LinkedHashMap<>();
        for (String start : services.keySet()) {
            List<String> path = new ArrayList<>();
            List<String> cycle = visit(start, services, colour, path);
            if (!cycle.isEmpty()) {
                return cycle;
            }
        }
        return List.of();
    }

    private static List<String> visit(String name, Map<String, ServiceDefinition> services,
                                      Map<String, Integer> colour, List<String> path) {
        int state = colour.getOrDefault(name, 0);
        if (state == 2) {
            return List.of();
        }
        if (state == 1) {
            List<String> cycle = new ArrayList<>(path.subList(path.indexOf(name), path.size()));
            cycle.add(name);
            return cycle;
        }
        colour.put(name, 1);
        path.add(name);
        for (Dependency d : services.get(name).dependsOn()) {
            List<String> cycle = visit(d.service(), services, colour, path);
            if (!cycle.isEmpty()) {
                return cycle;
            }
        }
        path.removeLast();
        colour.put(name, 2);
        return List.of();
    }

    /** Turns one service's mapping into a {@link ServiceDefinition}. */
    private static final class ServiceReader {
        private final Path file;
        private final String name;
        private final Mapping body;

        private ServiceReader(Path file, String name, Mapping body) {
            this.file = file;
            this.name = name;
            this.body = body;
        }

        static ServiceDefinition read(Path file, String name, Mapping body, int line) {
            return new ServiceReader(file, name, body).read(line);
        }

        private ServiceDefinition read(int line) {
            Map<String, Scalar> labels = labels();
            ServiceGroup group = group(labels);
            String image = text(body.get("image")).orElse("");
            return new ServiceDefinition(name, group, image, ports(), dependencies(), hasHealthCheck(),
                    label(labels, StackLabels.WEB_UI), label(labels, StackLabels.VAULT_PATH), tls(labels),
                    connection(labels), label(labels, StackLabels.DESCRIPTION).orElse(""), profiles(), line,
                    label(labels, StackLabels.ONE_SHOT).map("true"::equalsIgnoreCase).orElse(false),
                    body.get("build") != null, texts(labels), namedVolumes());
        }

        private static Map<String, String> texts(Map<String, Scalar> labels) {
            Map<String, String> texts = new LinkedHashMap<>();
            labels.forEach((key, value) -> texts.put(key, value.text()));
            return texts;
        }

        /**
         * The named volumes mounted: short syntax {@code name:/path[:mode]} (a source that is no path), long syntax
         * {@code {type: volume, source: name}}. Bind mounts and anonymous volumes are left out.
         */
        private List<String> namedVolumes() {
            List<String> names = new ArrayList<>();
            if (!(body.get("volumes") instanceof Sequence s)) {
                return names;
            }
            for (Value item : s.items()) {
                switch (item) {
                    case Scalar sc -> {
                        String spec = sc.text().strip();
                        int colon = spec.indexOf(':');
                        String source = colon < 0 ? "" : spec.substring(0, colon);
                        if (!source.isEmpty() && !source.startsWith("/") && !source.startsWith(".")
                                && !source.startsWith("~") && !source.startsWith("$")) {
                            names.add(source);
                        }
                    }
                    case Mapping m -> {
                        String type = text(m.get("type")).orElse("volume");
                        text(m.get("source")).filter(src -> type.equals("volume") && !src.isBlank())
                                .ifPresent(names::add);
                    }
                    case Sequence seq -> throw error(seq.line(), "a volume must be a string or a mapping");
                }
            }
            return names;
        }

        private Map<String, Scalar> labels() {
            Value value = body.get("labels");
            Map<String, Scalar> labels = new LinkedHashMap<>();
            switch (value) {
                case null -> { }
                case Mapping m -> m.entries().forEach((k, v) -> labels.put(k, scalar(v, "label " + k)));
                case Sequence s -> s.items().forEach(item -> {
                    Scalar sc = scalar(item, "label");
                    int eq = sc.text().indexOf('=');
                    String key = eq < 0 ? sc.text() : sc.text().substring(0, eq);
                    labels.put(key, new Scalar(eq < 0 ? "" : sc.text().substring(eq + 1), false, sc.line()));
                });
                case Scalar sc -> throw error(sc.line(), "'labels' must be a mapping or a list");
            }
            return labels;
        }

        /** A service without a group label belongs to {@code apps}: the slot for the user's own services. */
        private ServiceGroup group(Map<String, Scalar> labels) {
            Scalar label = labels.get(StackLabels.GROUP);
            if (label == null) {
                return ServiceGroup.APPS;
            }
            return ServiceGroup.fromLabel(label.text()).orElseThrow(() -> error(label.line(),
                    "service '" + name + "' has an invalid group name '" + label.text() + "' (label "
                            + StackLabels.GROUP + ": " + ServiceGroup.rule() + ")"));
        }

        private static Optional<String> label(Map<String, Scalar> labels, String key) {
            return Optional.ofNullable(labels.get(key)).map(Scalar::text).map(String::strip).filter(s -> !s.isEmpty());
        }

        private TlsCapability tls(Map<String, Scalar> labels) {
            boolean capable = label(labels, StackLabels.TLS).map("true"::equalsIgnoreCase).orElse(false);
            if (!capable) {
                return TlsCapability.NONE;
            }
            List<Integer> ports = new ArrayList<>();
            Scalar tlsPorts = labels.get(StackLabels.TLS_PORTS);
            if (tlsPorts != null && !tlsPorts.text().isBlank()) {
                for (String p : tlsPorts.text().split(",")) {
                    ports.add(port(p.strip(), tlsPorts.line()));
                }
            }
            return new TlsCapability(true, ports);
        }

        private Optional<ConnectionKind> connection(Map<String, Scalar> labels) {
            Scalar label = labels.get(StackLabels.CONNECTION);
            if (label == null) {
                return Optional.empty();
            }
            return Optional.of(ConnectionKind.fromLabel(label.text()).orElseThrow(() -> error(label.line(),
                    "service '" + name + "' has unknown connection kind '" + label.text() + "'")));
        }

        private Set<String> profiles() {
            Set<String> profiles = new LinkedHashSet<>();
            if (body.get("profiles") instanceof Sequence s) {
                s.items().forEach(item -> profiles.add(scalar(item, "profile").text()));
            }
            return profiles;
        }

        private boolean hasHealthCheck() {
            if (!(body.get("healthcheck") instanceof Mapping hc)) {
                return false;
            }
            if (hc.get("disable") instanceof Scalar d && "true".equalsIgnoreCase(d.text())) {
                return false;
            }
            Value test = hc.get("test");
            if (test instanceof Sequence s && !s.items().isEmpty()
                    && s.items().getFirst() instanceof Scalar first && "NONE".equals(first.text())) {
                return false;
            }
            return test != null;
        }

        private List<Dependency> dependencies() {
            Value value = body.get("depends_on");
            List<Dependency> deps = new ArrayList<>();
            switch (value) {
                case null -> { }
                case Sequence s -> s.items().forEach(item ->
                        deps.add(new Dependency(scalar(item, "depends_on entry").text(),
                                DependencyCondition.SERVICE_STARTED)));
                case Mapping m -> m.entries().forEach((dep, spec) -> deps.add(new Dependency(dep,
                        condition(dep, spec))));
                case Scalar sc -> throw error(sc.line(), "'depends_on' must be a list or a mapping");
            }
            return deps;
        }

        private DependencyCondition condition(String dep, Value spec) {
            if (spec instanceof Scalar sc && sc.isNull()) {
                return DependencyCondition.SERVICE_STARTED;
            }
            if (!(spec instanceof Mapping m)) {
                throw error(spec.line(), "depends_on '" + dep + "' must be a mapping with 'condition'");
            }
            Value condition = m.get("condition");
            if (condition == null) {
                return DependencyCondition.SERVICE_STARTED;
            }
            Scalar sc = scalar(condition, "condition");
            return DependencyCondition.fromComposeName(sc.text()).orElseThrow(() -> error(sc.line(),
                    "unknown depends_on condition '" + sc.text() + "' (allowed: service_started, service_healthy,"
                            + " service_completed_successfully)"));
        }

        private List<PortBinding> ports() {
            Value value = body.get("ports");
            List<PortBinding> ports = new ArrayList<>();
            if (value == null) {
                return ports;
            }
            if (!(value instanceof Sequence s)) {
                throw error(value.line(), "'ports' must be a list");
            }
            for (Value item : s.items()) {
                switch (item) {
                    case Scalar sc -> ports.addAll(shortPort(sc));
                    case Mapping m -> ports.add(longPort(m));
                    case Sequence seq -> throw error(seq.line(), "a port must be a string or a mapping");
                }
            }
            return ports;
        }

        /** {@code [HOST_IP:][HOST[-HOST]:]CONTAINER[-CONTAINER][/PROTOCOL]}. */
        private List<PortBinding> shortPort(Scalar sc) {
            String spec = sc.text().strip();
            String protocol = "tcp";
            int slash = spec.indexOf('/');
            if (slash >= 0) {
                protocol = spec.substring(slash + 1);
                spec = spec.substring(0, slash);
            }
            String hostIp = "";
            int lastColon = spec.lastIndexOf(':');
            String container = spec.substring(lastColon + 1);
            String host = "";
            if (lastColon >= 0) {
                String front = spec.substring(0, lastColon);
                int ipColon = front.lastIndexOf(':');
                if (ipColon >= 0) {
                    hostIp = front.substring(0, ipColon).replace("[", "").replace("]", "");
                    host = front.substring(ipColon + 1);
                } else {
                    host = front;
                }
            }
            int[] containerRange = range(container, sc.line());
            int[] hostRange = host.isEmpty() ? new int[] {0, 0} : range(host, sc.line());
            int count = containerRange[1] - containerRange[0] + 1;
            if (!host.isEmpty() && hostRange[1] - hostRange[0] + 1 != count) {
                throw error(sc.line(), "port ranges of different lengths in '" + sc.text() + "'");
            }
            List<PortBinding> bindings = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int hostPort = host.isEmpty() ? 0 : hostRange[0] + i;
                bindings.add(new PortBinding(hostIp, hostPort, containerRange[0] + i, protocol));
            }
            return bindings;
        }

        private PortBinding longPort(Mapping m) {
            int target = port(text(m.get("target")).orElseThrow(() -> error(m.line(), "port without 'target'")),
                    m.line());
            int published = text(m.get("published")).map(p -> port(p, m.line())).orElse(0);
            return new PortBinding(text(m.get("host_ip")).orElse(""), published, target,
                    text(m.get("protocol")).orElse("tcp"));
        }

        private int[] range(String text, int line) {
            int dash = text.indexOf('-');
            if (dash < 0) {
                int p = port(text, line);
                return new int[] {p, p};
            }
            int from = port(text.substring(0, dash), line);
            int to = port(text.substring(dash + 1), line);
            if (to < from) {
                throw error(line, "port range " + text + " runs backwards");
            }
            return new int[] {from, to};
        }

        private int port(String text, int line) {
            try {
                int p = Integer.parseInt(text.strip());
                if (p < 1 || p > 65535) {
                    throw error(line, "port " + p + " out of range in service '" + name + "'");
                }
                return p;
            } catch (NumberFormatException e) {
                throw error(line, "invalid port '" + text + "' in service '" + name + "'");
            }
        }

        private Optional<String> text(Value value) {
            return switch (value) {
                case null -> Optional.empty();
                case Scalar sc -> sc.isNull() ? Optional.empty() : Optional.of(sc.text());
                default -> throw error(value.line(), "expected a plain value in service '" + name + "'");
            };
        }

        private Scalar scalar(Value value, String what) {
            if (value instanceof Scalar sc) {
                return sc;
            }
            throw error(value.line(), what + " must be a plain value in service '" + name + "'");
        }

        private CatalogException error(int line, String problem) {
            return new CatalogException(file, line, problem);
        }
    }
}
