package io.newswire.enrich.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BoilerplateTest {

  @Test
  void shouldReadTheNamesOfBylineWithoutTheirRoles() {
    assertThat(Boilerplate.bylineNames("By Jane Doe and John Roe, Staff Writer"))
        .containsExactly("Jane Doe", "John Roe");
    assertThat(Boilerplate.bylineNames("by Ann Lee | Correspondent in Baghdad"))
        .containsExactly("Ann Lee");
    assertThat(Boilerplate.bylineNames("BY Sam Poe, Omar Ali & Li Wei"))
        .containsExactly("Sam Poe", "Omar Ali", "Li Wei");
    assertThat(Boilerplate.bylineNames("Bystanders said the port was closed")).isEmpty();
  }
}
