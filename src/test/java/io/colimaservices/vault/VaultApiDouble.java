package io.colimaservices.vault;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An in-process stand-in for Vault's HTTP API, written from HashiCorp's API documentation (cited per endpoint
 * below), not from what the app sends. It listens on 127.0.0.1 on a free port. It keeps Vault's observable
 * rules: status codes, {@code {"errors":[...]}} bodies, 503 while sealed, 403 for a missing token or a path the
 * token's policies do not allow, Shamir threshold and progress (a wrong share is only detected once the threshold
 * is reached, and then the progress resets), KV v2 versions and check-and-set, response wrapping, and PKI with
 * real certificates ({@link TestPki}).
 *
 * <p>Simplifications: unseal shares are random values checked for membership (no Shamir arithmetic); ACL rules
 * of all matching paths are unioned (Vault picks the most specific; our policies never conflict); writes other
 * than KV data always need {@code update}; there is one namespace, no leases, no audit devices.
 */
public final class VaultApiDouble implements AutoCloseable {
    public static final String VERSION = "1.18.5";
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Pattern RULE = Pattern.compile(
            "path\\s+\"([^\"]+)\"\\s*\\{\\s*capabilities\\s*=\\s*\\[([^]]*)]\\s*}");

    private final HttpServer server;
    private final List<String> requestLog = new CopyOnWriteArrayList<>();

    // seal state
    private boolean initialized;
    private boolean sealed = true;
    private int threshold;
    private final List<String> keys = new ArrayList<>();
    private final Set<String> submitted = new LinkedHashSet<>();
    private String nonce = "";

    private final Map<String, List<String>> tokens = new LinkedHashMap<>();
    private final Map<String, String> policies = new LinkedHashMap<>();
    private final Map<String, Map<String, Object>> mounts = new LinkedHashMap<>();
    private final Map<String, Map<String, Object>> auths = new LinkedHashMap<>();
    private final Map<String, List<Map<String, Object>>> kv = new LinkedHashMap<>();
    private final Map<String, Map<String, Object>> approles = new LinkedHashMap<>();
    private final Map<String, String> roleIds = new LinkedHashMap<>();
    private final Map<String, String> secretIds = new LinkedHashMap<>();
    private final Map<String, Map<String, Object>> wrapped = new LinkedHashMap<>();
    private final Map<String, Pki> pki = new LinkedHashMap<>();
    private Duration leafLifetime;
    private Consumer<String> beforeKvWrite = path -> { };

    /** One PKI mount: its issuer (key and certificate chain), a pending intermediate key, and roles. */
    private static final class Pki {
        KeyPair key;
        X509Certificate certificate;
        List<X509Certificate> chainAbove = new ArrayList<>();
        KeyPair pendingKey;
        final Map<String, Map<String, Object>> roles = new LinkedHashMap<>();
    }

    private record Reply(int status, Object body) {
    }

    /** A body that is not JSON (Vault's PEM and DER endpoints), sent as it is with its own content type. */
    private record Raw(byte[] bytes, String contentType) {
    }

    public VaultApiDouble() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/v1/", this::handle);
        server.start();
        mounts.put("sys/", mount("system", Map.of()));
        mounts.put("cubbyhole/", mount("cubbyhole", Map.of()));
        mounts.put("identity/", mount("identity", Map.of()));
        auths.put("token/", mount("token", Map.of()));
    }

    public String address() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    // ---- test hooks -------------------------------------------------------------------------------------------

    /** Seals Vault as an operator would (sys/seal); the progress is discarded. */
    public synchronized void seal() {
        sealed = true;
        submitted.clear();
    }

    public synchronized boolean isSealed() {
        return sealed;
    }

    public synchronized List<String> unsealKeys() {
        return List.copyOf(keys);
    }

    /** Initializes directly (as if another tool had run sys/init); returns the root token. */
    public synchronized String initializeDirectly(int shares, int threshold) {
        return (String) init(shares, threshold).get("root_token");
    }

    public synchronized Map<String, Object> secret(String path) {
        List<Map<String, Object>> versions = kv.get(path);
        return versions == null ? Map.of() : Map.copyOf(versions.getLast());
    }

    public synchronized int secretVersion(String path) {
        List<Map<String, Object>> versions = kv.get(path);
        return versions == null ? 0 : versions.size();
    }

    public synchronized Map<String, Integer> secretVersions() {
        Map<String, Integer> result = new LinkedHashMap<>();
        kv.forEach((path, versions) -> result.put(path, versions.size()));
        return result;
    }

    /** Writes a new version as another client would (no check-and-set). */
    public synchronized void writeSecretDirectly(String path, Map<String, Object> data) {
        kv.computeIfAbsent(path, p -> new ArrayList<>()).add(new LinkedHashMap<>(data));
    }

    /** Runs before each KV v2 data write is evaluated: a test can race a concurrent writer in here. */
    public synchronized void beforeKvWrite(Consumer<String> hook) {
        this.beforeKvWrite = hook;
    }

    /** Lifetime of certificates issued from now on (default: the request's ttl). */
    public synchronized void leafLifetime(Duration lifetime) {
        this.leafLifetime = lifetime;
    }

    public synchronized List<String> tokenPolicies(String token) {
        return tokens.getOrDefault(token, List.of());
    }

    public synchronized Optional<String> policy(String name) {
        return Optional.ofNullable(policies.get(name));
    }

    /** Every request as "METHOD path policies", for checking which token did what (never bodies). */
    public List<String> requests() {
        return List.copyOf(requestLog);
    }

    /** Unwraps a response-wrapped token once (sys/wrapping/unwrap), as the vault-agent would. */
    public synchronized Optional<Map<String, Object>> unwrap(String wrappingToken) {
        return Optional.ofNullable(wrapped.remove(wrappingToken));
    }

    public synchronized boolean secretIdValid(String role, String secretId) {
        return role.equals(secretIds.get(secretId));
    }

    // ---- HTTP ---------------------------------------------------------------------------------------------------

    private void handle(HttpExchange exchange) throws IOException {
        Reply reply;
        try {
            String raw = exchange.getRequestURI().getRawPath().substring("/v1/".length());
            String path = URLDecoder.decode(raw, StandardCharsets.UTF_8);
            Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
            byte[] bytes = exchange.getRequestBody().readAllBytes();
            Map<String, Object> body = bytes.length == 0 ? Map.of()
                    : MAPPER.readValue(bytes, new TypeReference<LinkedHashMap<String, Object>>() {
                    });
            String method = exchange.getRequestMethod();
            String token = exchange.getRequestHeaders().getFirst("X-Vault-Token");
            String wrapTtl = exchange.getRequestHeaders().getFirst("X-Vault-Wrap-TTL");
            String contentType = Optional.ofNullable(exchange.getRequestHeaders().getFirst("Content-Type")).orElse("");
            synchronized (this) {
                requestLog.add(method + " " + path + " " + tokens.getOrDefault(token == null ? "" : token, List.of()));
                reply = route(method, path, query, body, token, wrapTtl, contentType);
            }
        } catch (com.fasterxml.jackson.core.JacksonException e) {
            reply = error(400, "failed to parse JSON input");
        } catch (RuntimeException e) {
            reply = error(500, "internal error in the double: " + e);
        }
        byte[] out = reply.body() == null ? new byte[0] : reply.body() instanceof Raw raw ? raw.bytes()
                : MAPPER.writeValueAsBytes(reply.body());
        exchange.getResponseHeaders().set("Content-Type", reply.body() instanceof Raw raw ? raw.contentType()
                : "application/json");
        exchange.sendResponseHeaders(reply.status(), reply.status() == 204 ? -1 : out.length);
        try (OutputStream os = exchange.getResponseBody()) {
            if (reply.status() != 204) {
                os.write(out);
            }
        }
    }

    private Reply route(String method, String path, Map<String, String> query, Map<String, Object> body,
                        String token, String wrapTtl, String contentType) {
        boolean write = method.equals("POST") || method.equals("PUT");
        // Unauthenticated system endpoints.
        switch (path) {
            case "sys/health" -> {
                return health(query);
            }
            case "sys/seal-status" -> {
                return method.equals("GET") ? new Reply(200, sealStatus()) : error(405, "unsupported operation");
            }
            case "sys/init" -> {
                if (method.equals("GET")) {
                    return new Reply(200, Map.of("initialized", initialized));
                }
                return write ? initRequest(body) : error(405, "unsupported operation");
            }
            case "sys/unseal" -> {
                return write ? unseal(body) : error(405, "unsupported operation");
            }
            default -> { }
        }
        if (!initialized || sealed) {
            // https://developer.hashicorp.com/vault/api-docs#http-status-codes: 503 while sealed
            return error(503, "Vault is sealed");
        }
        if (path.equals("sys/wrapping/unwrap") && write) {
            Map<String, Object> original = token == null ? null : wrapped.remove(token);
            return original == null ? error(400, "wrapping token is not valid or does not exist")
                    : new Reply(200, original);
        }
        if (path.equals("auth/approle/login") && write && auths.containsKey("approle/")) {
            return approleLogin(body);
        }
        boolean list = method.equals("LIST") || (method.equals("GET") && "true".equals(query.get("list")));
        Optional<Reply> open = unauthenticatedPki(method, path, list);
        if (open.isPresent()) {
            return open.get();
        }
        List<String> policyNames = token == null ? null : tokens.get(token);
        if (policyNames == null) {
            return error(403, "permission denied");
        }
        String capability = list ? "list" : switch (method) {
            case "GET" -> "read";
            case "PATCH" -> "patch";
            case "DELETE" -> "delete";
            default -> kvDataExists(path) || !isKvData(path) ? "update" : "create";
        };
        if (!allowed(policyNames, path, capability)) {
            return error(403, "1 error occurred:\n\t* permission denied\n\n");
        }
        Reply reply = dispatch(method, path, list, body, token, contentType);
        if (wrapTtl != null && reply.status() == 200) {
            return wrap(reply, path, wrapTtl);
        }
        return reply;
    }

    private Reply dispatch(String method, String path, boolean list, Map<String, Object> body, String token,
                           String contentType) {
        if (path.equals("sys/mounts") && method.equals("GET")) {
            return new Reply(200, withData(new LinkedHashMap<>(mounts)));
        }
        if (path.startsWith("sys/mounts/")) {
            return enable(mounts, path.substring("sys/mounts/".length()), body);
        }
        if (path.equals("sys/auth") && method.equals("GET")) {
            return new Reply(200, withData(new LinkedHashMap<>(auths)));
        }
        if (path.startsWith("sys/auth/")) {
            return enable(auths, path.substring("sys/auth/".length()), body);
        }
        if (path.startsWith("sys/policies/acl/")) {
            return policyRequest(method, path.substring("sys/policies/acl/".length()), body);
        }
        if (path.startsWith("auth/token/")) {
            return tokenRequest(path.substring("auth/token/".length()), body, token);
        }
        if (path.startsWith("auth/approle/") && auths.containsKey("approle/")) {
            return approle(method, path.substring("auth/approle/".length()), body);
        }
        String mountPath = path.contains("/") ? path.substring(0, path.indexOf('/') + 1) : path + "/";
        Map<String, Object> mount = mounts.get(mountPath);
        if (mount == null) {
            return error(404, "no handler for route \"" + path + "\". route entry not found.");
        }
        String rest = path.substring(mountPath.length());
        if ("kv".equals(mount.get("type"))) {
            return kvRequest(method, mountPath, rest, body, contentType);
        }
        if ("pki".equals(mount.get("type"))) {
            return pkiRequest(method, mountPath, rest, list, body);
        }
        return error(404, "unsupported path");
    }

    // ---- seal (https://developer.hashicorp.com/vault/api-docs/system/init, /system/unseal, /system/seal-status,
    //      /system/health) -------------------------------------------------------------------------------------

    private Reply health(Map<String, String> query) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("initialized", initialized);
        body.put("sealed", sealed);
        body.put("standby", false);
        body.put("performance_standby", false);
        body.put("replication_performance_mode", "disabled");
        body.put("replication_dr_mode", "disabled");
        body.put("server_time_utc", Instant.now().getEpochSecond());
        body.put("version", VERSION);
        int status;
        if (!initialized) {
            status = Integer.parseInt(query.getOrDefault("uninitcode", "501"));
        } else if (sealed) {
            status = Integer.parseInt(query.getOrDefault("sealedcode", "503"));
        } else {
            status = Integer.parseInt(query.getOrDefault("activecode", "200"));
        }
        return new Reply(status, body);
    }

    private Map<String, Object> sealStatus() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "shamir");
        body.put("initialized", initialized);
        body.put("sealed", sealed);
        body.put("t", threshold);
        body.put("n", keys.size());
        body.put("progress", submitted.size());
        body.put("nonce", nonce);
        body.put("version", VERSION);
        body.put("build_date", "2025-01-29T13:57:37Z");
        body.put("migration", false);
        body.put("recovery_seal", false);
        body.put("storage_type", "file");
        if (!sealed) {
            body.put("cluster_name", "vault-cluster-double");
            body.put("cluster_id", "00000000-0000-0000-0000-000000000001");
        }
        return body;
    }

    private Reply initRequest(Map<String, Object> body) {
        if (initialized) {
            return error(400, "Vault is already initialized");
        }
        int shares = number(body.get("secret_shares"), 0);
        int t = number(body.get("secret_threshold"), 0);
        if (shares < 1 || t < 1) {
            return error(400, "invalid seal configuration: secret_shares and secret_threshold must be at least 1");
        }
        if (t > shares) {
            return error(400, "invalid seal configuration: threshold cannot be larger than shares");
        }
        if (shares > 1 && t < 2) {
            return error(400, "invalid seal configuration: threshold must be greater than one for multiple shares");
        }
        return new Reply(200, init(shares, t));
    }

    private Map<String, Object> init(int shares, int t) {
        initialized = true;
        sealed = true;
        threshold = t;
        keys.clear();
        List<String> base64 = new ArrayList<>();
        for (int i = 0; i < shares; i++) {
            byte[] share = new byte[33];
            RANDOM.nextBytes(share);
            keys.add(HexFormat.of().formatHex(share));
            base64.add(Base64.getEncoder().encodeToString(share));
        }
        String root = "hvs." + randomId(24);
        tokens.put(root, List.of("root"));
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("keys", List.copyOf(keys));
        response.put("keys_base64", base64);
        response.put("root_token", root);
        return response;
    }

    private Reply unseal(Map<String, Object> body) {
        if (!initialized) {
            return error(400, "Vault is not initialized");
        }
        if (Boolean.TRUE.equals(body.get("reset"))) {
            submitted.clear();
            nonce = "";
            return new Reply(200, sealStatus());
        }
        if (!sealed) {
            return new Reply(200, sealStatus());
        }
        Object key = body.get("key");
        if (!(key instanceof String text) || text.isEmpty()) {
            return error(400, "'key' must be specified in request body as JSON, or 'reset' set to true");
        }
        Optional<String> hex = decodeKey(text);
        if (hex.isEmpty()) {
            return error(400, "'key' must be a valid hex or base64 string");
        }
        if (submitted.isEmpty()) {
            nonce = UUID.randomUUID().toString();
        }
        // A share given twice in one attempt does not count twice.
        submitted.add(hex.get());
        if (submitted.size() < threshold) {
            return new Reply(200, sealStatus());
        }
        boolean valid = keys.containsAll(submitted);
        submitted.clear();
        nonce = "";
        if (!valid) {
            return error(400, "Error unsealing: failed to decrypt keys from storage: cipher: message authentication "
                    + "failed");
        }
        sealed = false;
        return new Reply(200, sealStatus());
    }

    private static Optional<String> decodeKey(String text) {
        try {
            return Optional.of(HexFormat.of().formatHex(HexFormat.of().parseHex(text)));
        } catch (IllegalArgumentException notHex) {
            try {
                return Optional.of(HexFormat.of().formatHex(Base64.getDecoder().decode(text)));
            } catch (IllegalArgumentException notBase64) {
                return Optional.empty();
            }
        }
    }

    // ---- ACL (https://developer.hashicorp.com/vault/docs/concepts/policies) -------------------------------------

    private boolean allowed(List<String> policyNames, String path, String capability) {
        if (policyNames.contains("root")) {
            return true;
        }
        List<String> effective = new ArrayList<>(policyNames);
        for (String name : effective) {
            String hcl = name.equals("default") ? DEFAULT_POLICY : policies.get(name);
            if (hcl == null) {
                continue;
            }
            Matcher m = RULE.matcher(hcl);
            while (m.find()) {
                if (matches(m.group(1), path) && m.group(2).contains("\"" + capability + "\"")) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Vault's glob: a trailing {@code *} matches any suffix, {@code +} one path segment. */
    static boolean matches(String pattern, String path) {
        String regex = Arrays.stream(pattern.split("(?<=\\+)|(?=\\+)|(?<=\\*)|(?=\\*)"))
                .map(part -> switch (part) {
                    case "+" -> "[^/]+";
                    case "*" -> ".*";
                    default -> Pattern.quote(part);
                })
                .reduce("", String::concat);
        return path.matches(regex);
    }

    private static final String DEFAULT_POLICY = """
            path "auth/token/lookup-self" { capabilities = ["read"] }
            path "auth/token/renew-self" { capabilities = ["update"] }
            path "sys/wrapping/unwrap" { capabilities = ["update"] }
            """;

    // ---- mounts (https://developer.hashicorp.com/vault/api-docs/system/mounts, /system/auth) -----------------

    private Reply enable(Map<String, Map<String, Object>> table, String path, Map<String, Object> body) {
        String key = path.endsWith("/") ? path : path + "/";
        if (table.containsKey(key)) {
            return error(400, "path is already in use at " + key);
        }
        Object type = body.get("type");
        if (!(type instanceof String t) || t.isEmpty()) {
            return error(400, "missing type");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> options = body.get("options") instanceof Map<?, ?> o ? (Map<String, Object>) o : Map.of();
        table.put(key, mount(t, options));
        if (t.equals("pki")) {
            pki.put(key, new Pki());
        }
        return new Reply(204, null);
    }

    private static Map<String, Object> mount(String type, Map<String, Object> options) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", type);
        m.put("description", "");
        m.put("accessor", type + "_" + randomId(8));
        m.put("config", Map.of("default_lease_ttl", 0, "max_lease_ttl", 0));
        m.put("options", options.isEmpty() ? null : options);
        m.put("local", false);
        m.put("seal_wrap", false);
        return m;
    }

    // ---- policies (https://developer.hashicorp.com/vault/api-docs/system/policies) ---------------------------

    private Reply policyRequest(String method, String name, Map<String, Object> body) {
        if (method.equals("GET")) {
            String hcl = policies.get(name);
            if (hcl == null) {
                return error(404, "");
            }
            return new Reply(200, withData(Map.of("name", name, "policy", hcl)));
        }
        Object policy = body.get("policy");
        if (!(policy instanceof String hcl) || hcl.isBlank()) {
            return error(400, "'policy' parameter not supplied or empty");
        }
        policies.put(name, hcl);
        return new Reply(204, null);
    }

    // ---- tokens (https://developer.hashicorp.com/vault/api-docs/auth/token) ---------------------------------

    private Reply tokenRequest(String rest, Map<String, Object> body, String token) {
        List<String> parent = tokens.get(token);
        switch (rest) {
            case "lookup-self" -> {
                return new Reply(200, withData(Map.of("policies", parent, "id", token, "renewable",
                        !parent.contains("root"))));
            }
            case "renew-self" -> {
                return new Reply(200, Map.of("auth", Map.of("client_token", token, "policies", parent)));
            }
            case "create", "create-orphan" -> {
                boolean root = parent.contains("root");
                if ((Boolean.TRUE.equals(body.get("no_parent")) || rest.equals("create-orphan")) && !root) {
                    return error(403, "root or sudo privileges required to create orphan token");
                }
                List<String> wanted = new ArrayList<>();
                if (body.get("policies") instanceof List<?> l) {
                    l.forEach(p -> wanted.add(String.valueOf(p)));
                }
                if (!root && !parent.containsAll(wanted)) {
                    return error(400, "child policies must be subset of parent");
                }
                if (!wanted.contains("default")) {
                    wanted.add("default");
                }
                return newToken(wanted, 2764800, Map.of());
            }
            default -> {
                return error(404, "unsupported path");
            }
        }
    }

    // ---- AppRole (https://developer.hashicorp.com/vault/api-docs/auth/approle) -------------------------------

    private Reply approle(String method, String rest, Map<String, Object> body) {
        String[] parts = rest.split("/");
        if (parts.length < 2 || !parts[0].equals("role")) {
            return error(404, "unsupported path");
        }
        String role = parts[1];
        if (parts.length == 2) {
            if (method.equals("GET")) {
                return approles.containsKey(role) ? new Reply(200, withData(approles.get(role))) : error(404, "");
            }
            approles.put(role, new LinkedHashMap<>(body));
            roleIds.computeIfAbsent(role, r -> UUID.randomUUID().toString());
            return new Reply(204, null);
        }
        if (!approles.containsKey(role)) {
            return error(400, "invalid role name \"" + role + "\"");
        }
        return switch (parts[2]) {
            case "role-id" -> new Reply(200, withData(Map.of("role_id", roleIds.get(role))));
            case "secret-id" -> {
                String secretId = UUID.randomUUID().toString();
                secretIds.put(secretId, role);
                Map<String, Object> data = new LinkedHashMap<>();
                data.put("secret_id", secretId);
                data.put("secret_id_accessor", UUID.randomUUID().toString());
                data.put("secret_id_ttl", 600);
                data.put("secret_id_num_uses", 1);
                yield new Reply(200, withData(data));
            }
            default -> error(404, "unsupported path");
        };
    }

    // https://developer.hashicorp.com/vault/api-docs/auth/approle#login-with-approle: unauthenticated; a secret ID
    // made with secret_id_num_uses=1 (as the app's roles are) is gone once used.
    private Reply approleLogin(Map<String, Object> body) {
        String roleId = String.valueOf(body.getOrDefault("role_id", ""));
        String role = roleIds.entrySet().stream().filter(e -> e.getValue().equals(roleId)).map(Map.Entry::getKey)
                .findFirst().orElse(null);
        if (role == null) {
            return error(400, "invalid role ID");
        }
        String secretId = String.valueOf(body.getOrDefault("secret_id", ""));
        if (!role.equals(secretIds.get(secretId))) {
            return error(400, "invalid secret id");
        }
        secretIds.remove(secretId);
        List<String> policies = new ArrayList<>();
        Object configured = approles.get(role).get("token_policies");
        if (configured instanceof List<?> l) {
            l.forEach(p -> policies.add(String.valueOf(p)));
        } else if (configured != null) {
            for (String p : String.valueOf(configured).split(",")) {
                if (!p.isBlank()) {
                    policies.add(p.strip());
                }
            }
        }
        policies.add("default");
        return newToken(policies, 3600, Map.of("role_name", role));
    }

    /** A new token with these policies, answered as Vault answers a login or a token creation ({@code auth}). */
    private Reply newToken(List<String> policies, int leaseSeconds, Map<String, String> metadata) {
        String id = "hvs." + randomId(24);
        tokens.put(id, List.copyOf(policies));
        Map<String, Object> auth = new LinkedHashMap<>();
        auth.put("client_token", id);
        auth.put("accessor", randomId(24));
        auth.put("policies", policies);
        auth.put("token_policies", policies);
        if (!metadata.isEmpty()) {
            auth.put("metadata", metadata);
        }
        auth.put("lease_duration", leaseSeconds);
        auth.put("renewable", true);
        return new Reply(200, Map.of("auth", auth));
    }

    // https://developer.hashicorp.com/vault/docs/concepts/response-wrapping
    private Reply wrap(Reply reply, String path, String ttl) {
        String token = "hvs." + randomId(24);
        wrapped.put(token, MAPPER.convertValue(reply.body(), new TypeReference<LinkedHashMap<String, Object>>() {
        }));
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("token", token);
        info.put("accessor", randomId(24));
        info.put("ttl", ttl.endsWith("m") ? Integer.parseInt(ttl.substring(0, ttl.length() - 1)) * 60
                : Integer.parseInt(ttl.replace("s", "")));
        info.put("creation_time", Instant.now().toString());
        info.put("creation_path", path);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("request_id", UUID.randomUUID().toString());
        body.put("data", null);
        body.put("wrap_info", info);
        return new Reply(200, body);
    }

    // ---- KV v2 (https://developer.hashicorp.com/vault/api-docs/secret/kv/kv-v2) ------------------------------

    private boolean isKvData(String path) {
        return path.startsWith("secret/data/") && mounts.containsKey("secret/");
    }

    private boolean kvDataExists(String path) {
        return isKvData(path) && kv.containsKey(path.substring("secret/data/".length()));
    }

    private Reply kvRequest(String method, String mountPath, String rest, Map<String, Object> body,
                            String contentType) {
        Object version = mounts.get(mountPath).get("options") instanceof Map<?, ?> o ? o.get("version") : null;
        if (!"2".equals(String.valueOf(version))) {
            return error(400, "the double only speaks KV version 2");
        }
        if (rest.startsWith("data/")) {
            String path = rest.substring("data/".length());
            return switch (method) {
                case "GET" -> kvRead(path);
                case "POST", "PUT" -> kvWrite(path, body);
                case "PATCH" -> contentType.startsWith("application/merge-patch+json") ? kvPatch(path, body)
                        : error(415, "PATCH requires Content-Type application/merge-patch+json");
                default -> error(405, "unsupported operation");
            };
        }
        if (rest.startsWith("metadata/") && method.equals("GET")) {
            return kvMetadata(rest.substring("metadata/".length()));
        }
        return error(404, "unsupported path");
    }

    private Reply kvRead(String path) {
        List<Map<String, Object>> versions = kv.get(path);
        if (versions == null) {
            return error(404, null);
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("data", versions.getLast());
        data.put("metadata", versionMetadata(versions.size()));
        return new Reply(200, envelope(data));
    }

    private Reply kvWrite(String path, Map<String, Object> body) {
        beforeKvWrite.accept(path);
        if (!(body.get("data") instanceof Map<?, ?> data)) {
            return error(400, "no data provided");
        }
        Integer cas = body.get("options") instanceof Map<?, ?> options && options.get("cas") != null
                ? number(options.get("cas"), -1) : null;
        int current = kv.getOrDefault(path, List.of()).size();
        if (cas != null && cas != current) {
            return error(400, "check-and-set parameter did not match the current version");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> copy = new LinkedHashMap<>((Map<String, Object>) data);
        kv.computeIfAbsent(path, p -> new ArrayList<>()).add(copy);
        return new Reply(200, envelope(versionMetadata(current + 1)));
    }

    @SuppressWarnings("unchecked")
    private Reply kvPatch(String path, Map<String, Object> body) {
        List<Map<String, Object>> versions = kv.get(path);
        if (versions == null) {
            return error(404, null);
        }
        Integer cas = body.get("options") instanceof Map<?, ?> options && options.get("cas") != null
                ? number(options.get("cas"), -1) : null;
        if (cas != null && cas != versions.size()) {
            return error(400, "check-and-set parameter did not match the current version");
        }
        Map<String, Object> merged = new LinkedHashMap<>(versions.getLast());
        ((Map<String, Object>) body.getOrDefault("data", Map.of())).forEach((k, v) -> {
            if (v == null) {
                merged.remove(k);
            } else {
                merged.put(k, v);
            }
        });
        versions.add(merged);
        return new Reply(200, envelope(versionMetadata(versions.size())));
    }

    private Reply kvMetadata(String path) {
        List<Map<String, Object>> versions = kv.get(path);
        if (versions == null) {
            return error(404, null);
        }
        Map<String, Object> all = new LinkedHashMap<>();
        for (int i = 1; i <= versions.size(); i++) {
            all.put(String.valueOf(i), Map.of("created_time", "2026-01-01T00:00:00Z", "deletion_time", "",
                    "destroyed", false));
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("cas_required", false);
        data.put("current_version", versions.size());
        data.put("oldest_version", 0);
        data.put("max_versions", 0);
        data.put("versions", all);
        return new Reply(200, envelope(data));
    }

    private static Map<String, Object> versionMetadata(int version) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("created_time", Instant.now().toString());
        m.put("custom_metadata", null);
        m.put("deletion_time", "");
        m.put("destroyed", false);
        m.put("version", version);
        return m;
    }

    // ---- PKI (https://developer.hashicorp.com/vault/api-docs/secret/pki) -------------------------------------

    /**
     * The PKI paths every client may read without a token ("Accessing authority information": list issuers, read
     * the issuer certificate, read the default issuer's chain). The raw ones answer 204 with no body while the
     * mount has no issuer (Vault's raw responses send 204 for an empty body).
     */
    private Optional<Reply> unauthenticatedPki(String method, String path, boolean list) {
        int slash = path.indexOf('/');
        Pki mount = slash < 0 ? null : pki.get(path.substring(0, slash + 1));
        if (mount == null) {
            return Optional.empty();
        }
        String rest = path.substring(slash + 1);
        if (list) {
            return rest.equals("issuers") ? Optional.of(pkiRequest(method, path.substring(0, slash + 1), rest, true,
                    Map.of())) : Optional.empty();
        }
        if (!method.equals("GET")) {
            return Optional.empty();
        }
        return switch (rest) {
            case "cert/ca" -> Optional.of(pkiRequest(method, path.substring(0, slash + 1), rest, false, Map.of()));
            // GET /pki/ca: DER; /pki/ca/pem: PEM (application/pem-certificate-chain)
            case "ca" -> Optional.of(raw(mount.certificate == null ? null : der(mount.certificate),
                    "application/pkix-cert"));
            case "ca/pem" -> Optional.of(raw(mount.certificate == null ? null
                    : TestPki.pem(mount.certificate).strip().getBytes(StandardCharsets.US_ASCII),
                    "application/pem-certificate-chain"));
            // GET /pki/ca_chain: the default issuer and every parent the mount knows, PEM, joined by newlines
            case "ca_chain" -> Optional.of(raw(mount.certificate == null ? null
                    : String.join("\n", chain(mount).stream().map(c -> TestPki.pem(c).strip()).toList())
                    .getBytes(StandardCharsets.US_ASCII), "application/pkix-cert"));
            default -> Optional.empty();
        };
    }

    private static Reply raw(byte[] bytes, String contentType) {
        return bytes == null || bytes.length == 0 ? new Reply(204, null) : new Reply(200, new Raw(bytes, contentType));
    }

    private static byte[] der(X509Certificate certificate) {
        try {
            return certificate.getEncoded();
        } catch (java.security.cert.CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The mount's issuer and the parents imported with it. */
    private static List<X509Certificate> chain(Pki mount) {
        List<X509Certificate> chain = new ArrayList<>();
        chain.add(mount.certificate);
        chain.addAll(mount.chainAbove);
        return chain;
    }

    private Reply pkiRequest(String method, String mountPath, String rest, boolean list, Map<String, Object> body) {
        Pki mount = pki.get(mountPath);
        try {
            if (rest.equals("issuers") && list) {
                if (mount.certificate == null) {
                    return error(404, null);
                }
                return new Reply(200, envelope(Map.of("keys", List.of("default"))));
            }
            if (rest.equals("cert/ca") && method.equals("GET")) {
                if (mount.certificate == null) {
                    return error(400, "no default issuer currently configured");
                }
                return new Reply(200, envelope(Map.of("certificate", TestPki.pem(mount.certificate))));
            }
            if (rest.equals("root/generate/internal")) {
                Duration ttl = ttl(body.get("ttl"), Duration.ofDays(3650));
                mount.key = TestPki.keyPair();
                mount.certificate = TestPki.selfSignedCa(text(body, "common_name"), mount.key, ttl);
                mount.chainAbove = new ArrayList<>();
                return new Reply(200, envelope(certificateData(mount.certificate, mount.certificate)));
            }
            if (rest.equals("intermediate/generate/internal")) {
                mount.pendingKey = TestPki.keyPair();
                return new Reply(200, envelope(Map.of("csr", TestPki.csr(text(body, "common_name"),
                        mount.pendingKey))));
            }
            if (rest.equals("root/sign-intermediate")) {
                if (mount.certificate == null) {
                    return error(400, "no default issuer currently configured");
                }
                PKCS10CertificationRequest csr = TestPki.readCsr(text(body, "csr"));
                PublicKey key = new JcaPEMKeyConverter().getPublicKey(csr.getSubjectPublicKeyInfo());
                X500Name subject = body.get("common_name") instanceof String cn ? new X500Name("CN=" + cn)
                        : csr.getSubject();
                X509Certificate signed = TestPki.sign(subject, key,
                        X500Name.getInstance(mount.certificate.getSubjectX500Principal().getEncoded()), mount.key,
                        ttl(body.get("ttl"), Duration.ofDays(1825)), true, List.of(), List.of());
                Map<String, Object> data = certificateData(signed, mount.certificate);
                data.put("ca_chain", List.of(TestPki.pem(signed), TestPki.pem(mount.certificate)));
                return new Reply(200, envelope(data));
            }
            if (rest.equals("intermediate/set-signed")) {
                // "certificate: the certificates to import, concatenated in PEM": the one matching the key from
                // intermediate/generate becomes the issuer; the others (its parents, when the caller appended them)
                // are imported beside it and make up its chain. Vault does not look into other mounts.
                List<X509Certificate> bundle = TestPki.readCertificates(text(body, "certificate"));
                X509Certificate cert = bundle.stream().filter(c -> mount.pendingKey != null
                        && c.getPublicKey().equals(mount.pendingKey.getPublic())).findFirst().orElse(null);
                if (cert == null) {
                    return error(400, "no matching key for the certificate");
                }
                mount.key = mount.pendingKey;
                mount.pendingKey = null;
                mount.certificate = cert;
                mount.chainAbove = new ArrayList<>(bundle.stream().filter(c -> !c.equals(cert)).toList());
                return new Reply(200, envelope(Map.of("imported_issuers", List.of("default"))));
            }
            if (rest.startsWith("roles/")) {
                String name = rest.substring("roles/".length());
                if (method.equals("GET")) {
                    return mount.roles.containsKey(name) ? new Reply(200, envelope(mount.roles.get(name)))
                            : error(404, null);
                }
                mount.roles.put(name, new LinkedHashMap<>(body));
                return new Reply(200, envelope(mount.roles.get(name)));
            }
            if (rest.startsWith("issue/")) {
                return issue(mount, rest.substring("issue/".length()), body);
            }
        } catch (IOException e) {
            return error(400, "could not parse PEM: " + e.getMessage());
        }
        return error(404, "unsupported path");
    }

    private Reply issue(Pki mount, String roleName, Map<String, Object> body) {
        Map<String, Object> role = mount.roles.get(roleName);
        if (role == null) {
            return error(400, "unknown role: " + roleName);
        }
        if (mount.certificate == null) {
            return error(400, "no default issuer currently configured");
        }
        String commonName = text(body, "common_name");
        Set<String> dns = new LinkedHashSet<>();
        dns.add(commonName);
        csv(body.get("alt_names")).forEach(dns::add);
        Set<String> allowed = new LinkedHashSet<>(csv(role.get("allowed_domains")));
        for (String name : dns) {
            boolean ok = allowed.contains(name) && Boolean.TRUE.equals(role.get("allow_bare_domains"))
                    || name.equals("localhost") && Boolean.TRUE.equals(role.get("allow_localhost"));
            if (!ok) {
                return error(400, "subject alternate name " + name + " not allowed by this role");
            }
        }
        List<String> ips = csv(body.get("ip_sans"));
        if (!ips.isEmpty() && !Boolean.TRUE.equals(role.get("allow_ip_sans"))) {
            return error(400, "IP Subject Alternative Names are not allowed in this role");
        }
        Duration lifetime = leafLifetime != null ? leafLifetime : ttl(body.get("ttl"), Duration.ofDays(30));
        KeyPair key = TestPki.keyPair();
        X509Certificate cert = TestPki.sign(new X500Name("CN=" + commonName), key.getPublic(),
                X500Name.getInstance(mount.certificate.getSubjectX500Principal().getEncoded()), mount.key, lifetime,
                false, List.copyOf(dns), ips);
        Map<String, Object> data = certificateData(cert, mount.certificate);
        List<String> chain = new ArrayList<>();
        chain.add(TestPki.pem(mount.certificate));
        mount.chainAbove.forEach(c -> chain.add(TestPki.pem(c)));
        data.put("ca_chain", chain);
        data.put("private_key", TestPki.pem(key.getPrivate()));
        data.put("private_key_type", "ec");
        return new Reply(200, envelope(data));
    }

    private static Map<String, Object> certificateData(X509Certificate cert, X509Certificate issuer) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("certificate", TestPki.pem(cert));
        data.put("issuing_ca", TestPki.pem(issuer));
        data.put("serial_number", TestPki.serial(cert));
        data.put("expiration", cert.getNotAfter().toInstant().getEpochSecond());
        return data;
    }

    // ---- helpers -------------------------------------------------------------------------------------------------

    private static Duration ttl(Object value, Duration fallback) {
        if (!(value instanceof String text) || text.isBlank()) {
            return fallback;
        }
        if (text.endsWith("h")) {
            return Duration.ofHours(Long.parseLong(text.substring(0, text.length() - 1)));
        }
        if (text.endsWith("m")) {
            return Duration.ofMinutes(Long.parseLong(text.substring(0, text.length() - 1)));
        }
        return Duration.ofSeconds(Long.parseLong(text.replace("s", "")));
    }

    private static List<String> csv(Object value) {
        if (value instanceof List<?> list) {
            return list.stream().map(String::valueOf).toList();
        }
        if (value instanceof String s && !s.isBlank()) {
            return Arrays.stream(s.split(",")).map(String::strip).filter(x -> !x.isEmpty()).toList();
        }
        return List.of();
    }

    private static String text(Map<String, Object> body, String key) {
        Object value = body.get(key);
        if (!(value instanceof String s) || s.isBlank()) {
            throw new IllegalArgumentException("missing " + key);
        }
        return s;
    }

    private static int number(Object value, int fallback) {
        if (value instanceof Number n) {
            return n.intValue();
        }
        if (value instanceof String s) {
            try {
                return Integer.parseInt(s);
            } catch (NumberFormatException e) {
                return fallback;
            }
        }
        return fallback;
    }

    private static Map<String, Object> envelope(Map<String, Object> data) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("request_id", UUID.randomUUID().toString());
        body.put("lease_id", "");
        body.put("renewable", false);
        body.put("lease_duration", 0);
        body.put("data", data);
        body.put("wrap_info", null);
        body.put("warnings", null);
        body.put("auth", null);
        return body;
    }

    /** sys/mounts, sys/auth and policy reads answer with the table at the top level and again under "data". */
    private static Map<String, Object> withData(Map<String, Object> table) {
        Map<String, Object> body = new LinkedHashMap<>(table);
        body.put("data", table);
        return body;
    }

    private static Reply error(int status, String message) {
        return new Reply(status, Map.of("errors", message == null || message.isEmpty() ? List.of()
                : List.of(message)));
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> query = new LinkedHashMap<>();
        if (raw == null) {
            return query;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            query.put(URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8),
                    eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return query;
    }

    private static String randomId(int length) {
        String alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < length; i++) {
            sb.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
        }
        return sb.toString();
    }
}
