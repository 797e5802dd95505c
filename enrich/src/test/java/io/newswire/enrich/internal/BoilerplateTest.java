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

  @Test
  void shouldTellFooterLinesInEitherCase() {
    for (String footer : new String[] {"Do you like this article?", "DO YOU LIKE THIS ARTICLE",
        "  3 comment(s) ", "12 Comment(s)", "Comment policy: be kind", "SHARE this article",
        "Related articles:", "Sign up for our newsletter today", "Leave a comment",
        "READ MORE", "Advertisement"}) {
      assertThat(Boilerplate.isFooterStart(footer)).as(footer).isTrue();
    }
    for (String line : new String[] {"", "3", "Do", "Doing this article", "Comments closed",
        "Shares fell", "Reading, in Berkshire", "Ads", "3 comments", "\u0130Do you like",
        "Some 20 people attended"}) {
      assertThat(Boilerplate.isFooterStart(line)).as(line).isFalse();
    }
  }
}
