package dev.igautomation.account;

import java.util.Collection;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;

interface AccountRepository extends JpaRepository<Account, String> {

	Optional<Account> findByInstagramAccountId(String instagramAccountId);

	/** The account changed last: the start-up check reads its credentials. */
	Optional<Account> findFirstByOrderByUpdatedAtDesc();

	boolean existsByInstagramAccountId(String instagramAccountId);

	/** Tokens issued before {@code issuedBefore} that expire before {@code expiringBefore}. */
	List<Account> findByTokenIssuedAtBeforeAndTokenExpiresAtBefore(Instant issuedBefore, Instant expiringBefore);

	/** Accounts whose last token refresh failed, or whose token Meta rejected. */
	@org.springframework.data.jpa.repository.Query("select a from Account a where a.tokenRefreshError is not null "
			+ "or a.tokenStatus = 'invalid' or a.tokenExpiresAt < ?1")
	List<Account> findWithTokenProblems(Instant now);

	List<Account> findByIdGreaterThanOrderByIdAsc(String after, Limit limit);

	List<Account> findByTokenStatusOrderById(String tokenStatus);

	List<Account> findBySubscriptionErrorIsNotNull();

	List<Account> findByIdInAndIdGreaterThanOrderByIdAsc(Collection<String> ids, String after, Limit limit);

}
