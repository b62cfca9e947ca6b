package dev.igautomation.autoreply;

import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

/**
 * An account's rules. The order they are tried in — by priority, then oldest first (ids are time-ordered) — is the
 * order of the index {@code (account_id, trigger_type, priority, created_at)} for the rules of one trigger.
 */
interface RuleRepository extends JpaRepository<Rule, String> {

	Optional<Rule> findByAccountIdAndId(String accountId, String id);

	long deleteByAccountIdAndId(String accountId, String id);

	List<Rule> findByAccountIdOrderByPriorityAscIdAsc(String accountId, Limit limit);

	/** An account's rules in the order they are tried, after the position of the previous page. */
	@Query("""
			select r from Rule r where r.accountId = ?1 and (r.priority > ?2 or (r.priority = ?2 and r.id > ?3))
			order by r.priority, r.id""")
	List<Rule> findPageAfter(String accountId, int afterPriority, String afterId, Limit limit);

	/** The enabled rules an account has for a trigger, in the order they are tried. */
	List<Rule> findByAccountIdAndTriggerAndEnabledTrueOrderByPriorityAscIdAsc(String accountId, RuleTrigger trigger);

}
