package com.acme.servicenow.emulator.auth;

import com.acme.servicenow.emulator.EmulatorClock;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Users, OAuth clients, tokens and API keys; decides who a request is. Token expiry is measured on the
 * {@link EmulatorClock}, so tests expire tokens by advancing the clock.
 */
public final class AuthService {

  /** Refresh-token lifetime of an out-of-box OAuth entity: 8,640,000 s (100 days). */
  public static final Duration REFRESH_LIFETIME = Duration.ofSeconds(8_640_000);

  public record UserAccount(String name, String password, Set<String> roles) {
    @Override
    public String toString() {
      return "UserAccount[" + name + ", roles=" + roles + "]"; // never the password
    }
  }

  record Token(String value, String user, String clientId, Instant expiresAt) {
    @Override
    public String toString() {
      return "Token[user=" + user + ", client=" + clientId + ", expiresAt=" + expiresAt + "]";
    }
  }

  /** Outcome of looking at a request's credentials. */
  public sealed interface Result permits Anonymous, Authenticated, Rejected {
  }

  public record Anonymous() implements Result {
  }

  public record Authenticated(Principal principal) implements Result {
  }

  public record Rejected(String userName) implements Result {
  }

  private static final SecureRandom RANDOM = new SecureRandom();

  private final EmulatorClock clock;
  private final Function<String, String> userSysId;
  private final Map<String, UserAccount> users = new ConcurrentHashMap<>();
  private final Map<String, String> clients = new ConcurrentHashMap<>();
  private final Map<String, String> clientCredentialUsers = new ConcurrentHashMap<>();
  private final Map<String, String> apiKeys = new ConcurrentHashMap<>();
  private final Map<String, Token> accessTokens = new ConcurrentHashMap<>();
  private final Map<String, Token> refreshTokens = new ConcurrentHashMap<>();
  private final Map<String, Token[]> passwordGrants = new ConcurrentHashMap<>();
  private volatile Duration tokenLifetime = Duration.ofSeconds(1799);

  public AuthService(EmulatorClock clock, Function<String, String> userSysId) {
    this.clock = clock;
    this.userSysId = userSysId;
  }

  public void addUser(String name, String password, String... roles) {
    users.put(name, new UserAccount(name, password, new LinkedHashSet<>(List.of(roles))));
  }

  public Map<String, UserAccount> users() {
    return users;
  }

  public void addClient(String clientId, String clientSecret) {
    clients.put(clientId, clientSecret);
  }

  public void enableClientCredentials(String clientId, String runAsUser) {
    clientCredentialUsers.put(clientId, runAsUser);
  }

  public void addApiKey(String key, String user) {
    apiKeys.put(key, user);
  }

  public void tokenLifetime(Duration lifetime) {
    this.tokenLifetime = lifetime;
  }

  public Duration tokenLifetime() {
    return tokenLifetime;
  }

  public Principal principal(String userName) {
    UserAccount account = users.get(userName);
    Set<String> roles = account == null ? Set.of() : account.roles();
    return new Principal(userName, userSysId.apply(userName), roles);
  }

  /** Identifies the caller from Basic, Bearer or x-sn-apikey (header or query parameter). */
  public Result authenticate(String authorization, String apiKeyHeader, String apiKeyParam) {
    if (authorization != null && !authorization.isBlank()) {
      String auth = authorization.trim();
      int space = auth.indexOf(' ');
      String scheme = space < 0 ? auth : auth.substring(0, space);
      String credentials = space < 0 ? "" : auth.substring(space + 1).trim();
      if (scheme.equalsIgnoreCase("Basic")) {
        String decoded;
        try {
          decoded = new String(Base64.getDecoder().decode(credentials), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
          return new Rejected(null);
        }
        int colon = decoded.indexOf(':');
        String name = colon < 0 ? decoded : decoded.substring(0, colon);
        String password = colon < 0 ? "" : decoded.substring(colon + 1);
        UserAccount account = users.get(name);
        if (account == null || !account.password().equals(password)) {
          return new Rejected(name);
        }
        return new Authenticated(principal(name));
      }
      if (scheme.equalsIgnoreCase("Bearer")) {
        Token token = accessTokens.get(credentials);
        if (token == null || !clock.now().isBefore(token.expiresAt()) || !users.containsKey(token.user())) {
          return new Rejected(token == null ? null : token.user());
        }
        return new Authenticated(principal(token.user()));
      }
      return new Rejected(null);
    }
    String key = apiKeyHeader != null ? apiKeyHeader : apiKeyParam;
    if (key != null) {
      String user = apiKeys.get(key);
      if (user == null || !users.containsKey(user)) {
        return new Rejected(null);
      }
      return new Authenticated(principal(user));
    }
    return new Anonymous();
  }

  // ---- OAuth grants; each returns null when ServiceNow would answer access_denied ----

  /** Issued tokens: access token, refresh token (null for client_credentials) and seconds to expiry. */
  public record Grant(String accessToken, String refreshToken, long expiresIn) {
    @Override
    public String toString() {
      return "Grant[expiresIn=" + expiresIn + "]";
    }
  }

  private boolean clientOk(String clientId, String clientSecret) {
    return clientId != null && clientSecret != null && clientSecret.equals(clients.get(clientId));
  }

  public Grant passwordGrant(String clientId, String clientSecret, String userName, String password) {
    if (!clientOk(clientId, clientSecret) || userName == null) {
      return null;
    }
    UserAccount account = users.get(userName);
    if (account == null || !account.password().equals(password)) {
      return null;
    }
    Instant now = clock.now();
    // A password grant while the access token is still valid returns the current tokens (reference A3.2)
    String key = clientId + '\u0000' + userName;
    synchronized (passwordGrants) {
      Token[] current = passwordGrants.get(key);
      if (current != null && now.isBefore(current[0].expiresAt()) && accessTokens.containsKey(current[0].value())
          && refreshTokens.containsKey(current[1].value())) {
        return new Grant(current[0].value(), current[1].value(), secondsLeft(current[0], now));
      }
      Token access = newAccessToken(userName, clientId, now);
      Token refresh = new Token(newTokenValue(), userName, clientId, now.plus(REFRESH_LIFETIME));
      refreshTokens.put(refresh.value(), refresh);
      passwordGrants.put(key, new Token[] {access, refresh});
      return new Grant(access.value(), refresh.value(), secondsLeft(access, now));
    }
  }

  public Grant refreshGrant(String clientId, String clientSecret, String refreshToken) {
    if (!clientOk(clientId, clientSecret) || refreshToken == null) {
      return null;
    }
    Token refresh = refreshTokens.get(refreshToken);
    Instant now = clock.now();
    if (refresh == null || !refresh.clientId().equals(clientId) || !now.isBefore(refresh.expiresAt())
        || !users.containsKey(refresh.user())) {
      return null;
    }
    Token access = newAccessToken(refresh.user(), clientId, now);
    return new Grant(access.value(), refresh.value(), secondsLeft(access, now));
  }

  public Grant clientCredentialsGrant(String clientId, String clientSecret) {
    if (!clientOk(clientId, clientSecret)) {
      return null;
    }
    String runAs = clientCredentialUsers.get(clientId);
    if (runAs == null || !users.containsKey(runAs)) {
      return null;
    }
    Instant now = clock.now();
    Token access = newAccessToken(runAs, clientId, now);
    return new Grant(access.value(), null, secondsLeft(access, now));
  }

  /** Revokes an access or refresh token (revoking a refresh token also drops access tokens issued with it). */
  public void revoke(String token) {
    if (token == null) {
      return;
    }
    accessTokens.remove(token);
    Token refresh = refreshTokens.remove(token);
    if (refresh != null) {
      passwordGrants.values().removeIf(pair -> pair[1].value().equals(token));
    }
  }

  private Token newAccessToken(String user, String clientId, Instant now) {
    Token t = new Token(newTokenValue(), user, clientId, now.plus(tokenLifetime));
    accessTokens.put(t.value(), t);
    accessTokens.values().removeIf(old -> old.expiresAt().isBefore(now.minus(Duration.ofDays(1))));
    return t;
  }

  private static long secondsLeft(Token t, Instant now) {
    return Math.max(0, Duration.between(now, t.expiresAt()).getSeconds());
  }

  private static String newTokenValue() {
    byte[] bytes = new byte[64];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
