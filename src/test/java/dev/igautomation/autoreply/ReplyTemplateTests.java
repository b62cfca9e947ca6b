package dev.igautomation.autoreply;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Filling templates, and cutting replies to Meta's 1000 bytes without splitting a character.
 */
class ReplyTemplateTests {

	@Test
	void placeholdersBecomeTheProfileOrTheFallbackNeverThemselves() {
		assertThat(ReplyTemplate.render("Hi {username} ({name})", new Profiles.Profile("jane.doe", "Jane"), null))
			.isEqualTo("Hi jane.doe (Jane)");
		assertThat(ReplyTemplate.render("Hi {username} ({name})", new Profiles.Profile("jane.doe", null), "friend"))
			.isEqualTo("Hi jane.doe (friend)");
	}

	@Test
	void withoutProfileOrFallbackNameThePlaceholderIsLeftOutWithItsSpace() {
		assertThat(ReplyTemplate.render("Thanks {username}!", Profiles.Profile.UNKNOWN, null)).isEqualTo("Thanks!");
		assertThat(ReplyTemplate.render("Hi {name}, we ship in 2 days.", Profiles.Profile.UNKNOWN, null))
			.isEqualTo("Hi, we ship in 2 days.");
		assertThat(ReplyTemplate.render("{username}, thanks!", Profiles.Profile.UNKNOWN, null)).isEqualTo("Thanks!");
		assertThat(ReplyTemplate.render("Hi {name} (@{username})!", new Profiles.Profile("jane.doe", null), null))
			.isEqualTo("Hi (@jane.doe)!");
	}

	@Test
	void repliesAreCutAt1000BytesOnACharacterBoundary() {
		assertThat(ReplyTemplate.fitting("a".repeat(1000))).hasSize(1000);
		assertThat(ReplyTemplate.fitting("a".repeat(999) + "é")).isEqualTo("a".repeat(999));
		String emoji = "\uD83D\uDE00";
		String cut = ReplyTemplate.fitting("a".repeat(998) + emoji);
		assertThat(cut).isEqualTo("a".repeat(998));
		String emojis = ReplyTemplate.fitting(emoji.repeat(300));
		assertThat(emojis.getBytes(StandardCharsets.UTF_8)).hasSize(1000);
		assertThat(emojis).isEqualTo(emoji.repeat(250));
	}

}
