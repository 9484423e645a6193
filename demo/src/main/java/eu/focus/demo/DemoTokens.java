package eu.focus.demo;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.SecurityContext;
import eu.focus.gateway.security.SecurityConfig;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

/**
 * The demo token issuer: an RSA key generated in memory at start-up (it never leaves the process
 * and dies with it) signs tokens for the demo agencies, and the resource server trusts only that
 * key. Exists only on the {@code demo} profile; elsewhere the gateway trusts the identity provider
 * configured with Spring's {@code spring.security.oauth2.resourceserver.jwt.*} properties.
 */
@Configuration
@Profile("demo")
@ConditionalOnProperty(prefix = "focus.demo", name = "token-issuer", havingValue = "true")
public class DemoTokens {

  public static final String ISSUER = "focus-gateway-demo";

  private final KeyPair keys = generate();
  private final Clock clock;

  public DemoTokens(Clock clock) {
    this.clock = clock;
  }

  @Bean
  JwtDecoder demoJwtDecoder() {
    NimbusJwtDecoder decoder =
        NimbusJwtDecoder.withPublicKey((RSAPublicKey) keys.getPublic())
            .signatureAlgorithm(SignatureAlgorithm.RS256)
            .build();
    decoder.setJwtValidator(
        org.springframework.security.oauth2.jwt.JwtValidators.createDefaultWithIssuer(ISSUER));
    return decoder;
  }

  /** Signs a token for the given agency (may be null for auditors and operators) and roles. */
  public String issue(String agencyId, String person, List<String> roles, Duration ttl) {
    JwtClaimsSet.Builder claims =
        JwtClaimsSet.builder()
            .issuer(ISSUER)
            .subject(person)
            .id(UUID.randomUUID().toString())
            .issuedAt(clock.instant())
            .expiresAt(clock.instant().plus(ttl))
            .claim(SecurityConfig.ROLES_CLAIM, roles);
    if (agencyId != null) {
      claims.claim(SecurityConfig.AGENCY_CLAIM, agencyId);
    }
    return encoder()
        .encode(
            JwtEncoderParameters.from(
                JwsHeader.with(SignatureAlgorithm.RS256).build(), claims.build()))
        .getTokenValue();
  }

  private JwtEncoder encoder() {
    RSAKey jwk =
        new RSAKey.Builder((RSAPublicKey) keys.getPublic())
            .privateKey((RSAPrivateKey) keys.getPrivate())
            .keyID("demo")
            .build();
    return new NimbusJwtEncoder(new ImmutableJWKSet<SecurityContext>(new JWKSet(jwk)));
  }

  private static KeyPair generate() {
    try {
      KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
      g.initialize(2048);
      return g.generateKeyPair();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
