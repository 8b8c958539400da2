package io.colimaservices.vault;

import io.colimaservices.domain.KvSecret;
import com.fasterxml.jackson.core.JsonProcessingException;
import io.colimaservices.domain.ConnectionFormat;
import io.colimaservices.domain.ConnectionKind;
import io.colimaservices.domain.PortBinding;
import io.colimaservices.domain.ServiceDefinition;
import io.colimaservices.domain.UserError;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Connection strings for a client on the Mac, built from the catalog's host ports and the service's secret. With
 * {@code tls_enabled} the string asks for TLS: {@code sslmode=require} (PostgreSQL), {@code ssl-mode=REQUIRED}
 * (MySQL), {@code tls=true} (MongoDB), {@code rediss://} on the TLS port (Redis), {@code amqps://} on the TLS
 * port (RabbitMQ), {@code https://} on the same port (the git server, whose login is its web admin:
 * {@code admin_username}/{@code admin_password}). The result holds a password: callers print it only when asked,
 * or put it on the clipboard.
 */
public final class ConnectionStrings {
    public static final String HOST = "localhost";
    /** The git server's secret holds its web admin's login under these prefixed names (docs/vault-contract.md). */
    private static final String ADMIN_PREFIX = "admin_";

    /** What a string is made of; {@link #toString()} leaves the password out. */
    public record Target(String service, ConnectionKind kind, boolean tls, int port, Optional<String> username,
                         String password, Optional<String> database) {
        @Override
        public String toString() {
            return "Target[" + service + " " + kind.label() + " " + HOST + ":" + port + (tls ? " tls" : "") + "]";
        }
    }

    private ConnectionStrings() {
    }

    public static Target target(ServiceDefinition service, KvSecret secret) {
        ConnectionKind kind = service.connection().orElseThrow(() -> new UserError(UserError.Kind.CONFIGURATION,
                service.name() + " has no connection kind (label io.colima-services.connection)",
                "use --field NAME to get one field of its secret"));
        boolean tls = service.tls().capable() && secret.flag(VaultLayout.TLS_FIELD).orElse(false);
        String prefix = kind == ConnectionKind.GIT ? ADMIN_PREFIX : "";
        String password = secret.text(prefix + "password").orElseThrow(() -> new UserError(UserError.Kind.VAULT,
                "secret/" + secret.path() + " has no " + prefix + "password", "run 'colima-services vault bootstrap'"));
        Optional<String> database = switch (kind) {
            case AMQP -> secret.text("vhost");
            case GIT -> Optional.empty();
            default -> secret.text("database");
        };
        return new Target(service.name(), kind, tls, port(service, kind, tls), secret.text(prefix + "username"),
                password, database);
    }

    public static String render(Target t, ConnectionFormat format) {
        return switch (format) {
            case URL -> url(t);
            case JDBC -> jdbc(t);
            case ENV -> env(t);
            case JSON -> json(t);
        };
    }

    public static String url(Target t) {
        String user = enc(t.username().orElse(""));
        String pass = enc(t.password());
        String db = t.database().map(ConnectionStrings::enc).orElse("");
        String hostPort = HOST + ":" + t.port();
        return switch (t.kind()) {
            case POSTGRESQL -> "postgresql://" + user + ":" + pass + "@" + hostPort + "/" + db
                    + (t.tls() ? "?sslmode=require" : "");
            case MYSQL -> "mysql://" + user + ":" + pass + "@" + hostPort + "/" + db
                    + (t.tls() ? "?ssl-mode=REQUIRED" : "");
            // The stack creates its MongoDB user in the admin database (MONGO_INITDB_ROOT_USERNAME).
            case MONGODB -> "mongodb://" + user + ":" + pass + "@" + hostPort + "/" + db + "?authSource=admin"
                    + (t.tls() ? "&tls=true" : "");
            case REDIS -> (t.tls() ? "rediss" : "redis") + "://:" + pass + "@" + hostPort;
            case AMQP -> (t.tls() ? "amqps" : "amqp") + "://" + user + ":" + pass + "@" + hostPort + "/" + db;
            // The form git itself takes (git clone http://user:password@host/owner/repo.git).
            case GIT -> webUrl(t).replace("://", "://" + user + ":" + pass + "@");
            default -> throw noString(t, "a URL");
        };
    }

    public static String jdbc(Target t) {
        String db = t.database().orElse("");
        String auth = "user=" + enc(t.username().orElse("")) + "&password=" + enc(t.password());
        return switch (t.kind()) {
            case POSTGRESQL -> "jdbc:postgresql://" + HOST + ":" + t.port() + "/" + db + "?" + auth
                    + (t.tls() ? "&sslmode=require" : "");
            case MYSQL -> "jdbc:mysql://" + HOST + ":" + t.port() + "/" + db + "?" + auth
                    + (t.tls() ? "&sslMode=REQUIRED" : "");
            default -> throw noString(t, "a JDBC URL");
        };
    }

    public static String env(Target t) {
        Map<String, String> vars = new LinkedHashMap<>();
        switch (t.kind()) {
            case POSTGRESQL -> {
                vars.put("PGHOST", HOST);
                vars.put("PGPORT", String.valueOf(t.port()));
                vars.put("PGUSER", t.username().orElse(""));
                vars.put("PGPASSWORD", t.password());
                vars.put("PGDATABASE", t.database().orElse(""));
                if (t.tls()) {
                    vars.put("PGSSLMODE", "require");
                }
            }
            case MYSQL -> {
                vars.put("MYSQL_HOST", HOST);
                vars.put("MYSQL_TCP_PORT", String.valueOf(t.port()));
                vars.put("MYSQL_USER", t.username().orElse(""));
                vars.put("MYSQL_PWD", t.password());
                vars.put("MYSQL_DATABASE", t.database().orElse(""));
            }
            case MONGODB -> vars.put("MONGODB_URI", url(t));
            case REDIS -> vars.put("REDIS_URL", url(t));
            case AMQP -> vars.put("AMQP_URL", url(t));
            case GIT -> {
                vars.put("GIT_URL", webUrl(t));
                vars.put("GIT_USERNAME", t.username().orElse(""));
                vars.put("GIT_PASSWORD", t.password());
            }
            default -> throw noString(t, "environment variables");
        }
        StringBuilder sb = new StringBuilder();
        vars.forEach((k, v) -> sb.append(k).append('=').append(v).append('\n'));
        return sb.toString().stripTrailing();
    }

    public static String json(Target t) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("service", t.service());
        doc.put("kind", t.kind().label());
        doc.put("host", HOST);
        doc.put("port", t.port());
        doc.put("tls", t.tls());
        t.username().ifPresent(u -> doc.put("username", u));
        doc.put("password", t.password());
        t.database().ifPresent(d -> doc.put(t.kind() == ConnectionKind.AMQP ? "vhost" : "database", d));
        doc.put("url", url(t));
        if (t.kind() == ConnectionKind.POSTGRESQL || t.kind() == ConnectionKind.MYSQL) {
            doc.put("jdbc", jdbc(t));
        }
        try {
            return VaultHttp.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(doc);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }

    /** The git server's web address, without a login: HTTPS on the same port when TLS is on. */
    private static String webUrl(Target t) {
        return (t.tls() ? "https" : "http") + "://" + HOST + ":" + t.port() + "/";
    }

    /**
     * The host port a client uses: with TLS the service's TLS port when it has a separate one, otherwise its first
     * published port that is not a TLS port; the kind's usual port when the catalog publishes none.
     */
    static int port(ServiceDefinition service, ConnectionKind kind, boolean tls) {
        List<Integer> tlsPorts = service.tls().tlsPorts();
        if (tls && !tlsPorts.isEmpty()) {
            return tlsPorts.getFirst();
        }
        return service.ports().stream()
                .map(PortBinding::hostPort)
                .filter(p -> p > 0 && !tlsPorts.contains(p))
                .findFirst()
                .orElse(defaultPort(kind));
    }

    private static int defaultPort(ConnectionKind kind) {
        return switch (kind) {
            case POSTGRESQL -> 5432;
            case MYSQL -> 3306;
            case MONGODB -> 27017;
            case REDIS -> 6379;
            case AMQP -> 5672;
            case VAULT -> 8200;
            case GIT -> 3000;
            case HTTP -> 80;
        };
    }

    private static UserError noString(Target t, String what) {
        return new UserError(UserError.Kind.CONFIGURATION, "no " + what + " for " + t.service() + " ("
                + t.kind().label() + ")", "try --format url, --format json or --field NAME");
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
