package dev.igautomation.account;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;

interface AccountRepository extends JpaRepository<Account, String> {

	Optional<Account> findByInstagramAccountId(String instagramAccountId);

	boolean existsByInstagramAccountId(String instagramAccountId);

	List<Account> findByIdGreaterThanOrderByIdAsc(String after, Limit limit);

	List<Account> findByIdInAndIdGreaterThanOrderByIdAsc(Collection<String> ids, String after, Limit limit);

}
