package dev.igautomation.security;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.ListCrudRepository;
import org.springframework.transaction.annotation.Transactional;

interface ApiKeyRepository extends ListCrudRepository<ApiKey, String> {

	Optional<ApiKey> findByLookupIdAndRevokedAtIsNull(String lookupId);

	List<ApiKey> findByLookupIdIsNullAndRevokedAtIsNull();

	Optional<ApiKey> findByIdAndRevokedAtIsNull(String id);

	List<ApiKey> findByRevokedAtIsNullAndIdGreaterThanOrderByIdAsc(String after, Limit limit);

	boolean existsByAdminTrueAndRevokedAtIsNull();

	@Transactional
	@Modifying
	@Query("update ApiKey k set k.lastUsedAt = :at where k.id = :id")
	void markUsed(String id, Instant at);

}
