package dev.igautomation.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.boot.jpa.test.autoconfigure.TestEntityManager;
import org.springframework.data.domain.Limit;

import dev.igautomation.system.Ids;

/** The API keys' repository, on each database: lookup of live keys only, paging, and recording a key's use. */
@Transactional
abstract class ApiKeyRepositoryTests {

	@Autowired
	ApiKeyRepository keys;

	@Autowired
	TestEntityManager entities;

	final Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);

	ApiKey key(String lookupId, boolean admin) {
		return keys.save(new ApiKey(Ids.next("key"), "CRM", lookupId, "iga_" + lookupId, new byte[] { 9, 9 }, admin,
				Set.of("acc_1", "acc_2"), now));
	}

	@Test
	void onlyLiveKeysAreFoundByTheirLookupId() {
		String lookupId = Long.toHexString(System.nanoTime());
		ApiKey live = key(lookupId, false);
		entities.flush();
		entities.clear();

		ApiKey found = keys.findByLookupIdAndRevokedAtIsNull(lookupId).orElseThrow();
		assertThat(found.getId()).isEqualTo(live.getId());
		assertThat(found.getAccountIds()).containsExactlyInAnyOrder("acc_1", "acc_2");
		assertThat(found.getKeyHash()).containsExactly(9, 9);

		found.revoke(now);
		entities.flush();
		assertThat(keys.findByLookupIdAndRevokedAtIsNull(lookupId)).isEmpty();
		assertThat(keys.findByIdAndRevokedAtIsNull(live.getId())).isEmpty();
		assertThat(keys.findByRevokedAtIsNullAndIdGreaterThanOrderByIdAsc("", Limit.of(1000)))
			.extracting(ApiKey::getId)
			.doesNotContain(live.getId());
	}

	@Test
	void aKeysUseIsRecordedWithoutLoadingIt() {
		ApiKey key = key(Long.toHexString(System.nanoTime()), true);
		ApiKey later = key(null, false);
		entities.flush();

		keys.markUsed(key.getId(), now.plusSeconds(5));
		entities.clear();

		assertThat(keys.findById(key.getId()).orElseThrow().getLastUsedAt()).isEqualTo(now.plusSeconds(5));
		assertThat(keys.existsByAdminTrueAndRevokedAtIsNull()).isTrue();
		assertThat(keys.findByLookupIdIsNullAndRevokedAtIsNull()).extracting(ApiKey::getId).contains(later.getId());
		assertThat(keys.findByRevokedAtIsNullAndIdGreaterThanOrderByIdAsc(key.getId(), Limit.of(1)))
			.extracting(ApiKey::getId)
			.containsExactly(later.getId());
	}

}
